package org.guichet.tickets;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeskSettingRepository extends JpaRepository<DeskSetting, String> {

}
