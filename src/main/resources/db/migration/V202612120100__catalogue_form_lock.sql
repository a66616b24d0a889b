-- An item's form is edited by administrators who may open it at the same time: the version of the
-- form they opened travels with their save, and a save over a change made since is refused
-- (optimistic lock), as the item itself already is through catalogue_item.version.
alter table catalogue_form_version add column lock_version bigint default 0 not null;
