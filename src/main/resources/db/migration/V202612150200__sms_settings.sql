-- Issue 15, the SMS channel's administration page (docs/SMS.md#administration): the settings an
-- administrator saved, one row; while there is none, the guichet.sms.* properties are in force.
-- The *_secret columns hold SecretCipher's form (v1.<key id>.<base64>) under guichet.sms.secret-key
-- (or the key kept in the data folder), never a secret in clear; null: none set.
-- group_id: the group that gets the SMS tickets and sorts unknown numbers (null: routing only).
create table sms_settings (
    id                     integer        not null primary key,
    enabled                boolean        not null,
    provider               varchar(10)    not null,
    desk_number            varchar(40)    not null,
    default_region         varchar(3)     not null,
    group_id               bigint,
    follow_up_minutes      integer        not null,
    segments               integer        not null,
    inbound_secret         varchar(500),
    http_url               varchar(500)   not null,
    http_auth_header_name  varchar(100)   not null,
    http_auth_header_value varchar(1000),
    http_body_template     varchar(2000)  not null,
    twilio_account_sid     varchar(100)   not null,
    twilio_auth_token      varchar(500),
    twilio_base_url        varchar(500)   not null,
    twilio_webhook_url     varchar(500)   not null,
    updated_at             timestamp with time zone not null,
    updated_by             bigint         not null,
    constraint ck_sms_settings_one check (id = 1),
    constraint fk_sms_settings_group foreign key (group_id) references support_group (id) on delete set null
);
