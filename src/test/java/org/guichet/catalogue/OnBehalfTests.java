package org.guichet.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may file a catalogue request for whom ({@link OnBehalf#mayFileFor}): the IT team for anyone,
 * everyone for themselves, a manager for their active direct reports only when the setting lets
 * managers file for their team.
 */
class OnBehalfTests {

	private static final long MANAGER = 10;

	private static final long REPORT = 11;

	private static final long OTHER_MANAGER = 12;

	@Test
	void theItTeamFilesForAnyoneWhateverTheSetting() {
		assertThat(OnBehalf.mayFileFor(true, 1, REPORT, true, OTHER_MANAGER, false)).isTrue();
		assertThat(OnBehalf.mayFileFor(true, 1, REPORT, true, null, true)).isTrue();
	}

	@Test
	void anyoneFilesForThemselvesEvenWhenManagersMayNotFileForTheirTeam() {
		assertThat(OnBehalf.mayFileFor(false, REPORT, REPORT, true, MANAGER, false)).isTrue();
	}

	@Test
	void aManagerFilesForAnActiveDirectReportWhenTheSettingAllowsIt() {
		assertThat(OnBehalf.mayFileFor(false, MANAGER, REPORT, true, MANAGER, true)).isTrue();
		assertThat(OnBehalf.mayFileFor(false, MANAGER, REPORT, true, MANAGER, false)).isFalse();
	}

	@Test
	void aManagerDoesNotFileForSomeoneOfAnotherTeamNorForSomeoneWithoutManagerNorForAReportWhoLeft() {
		assertThat(OnBehalf.mayFileFor(false, MANAGER, REPORT, true, OTHER_MANAGER, true)).isFalse();
		assertThat(OnBehalf.mayFileFor(false, MANAGER, REPORT, true, null, true)).isFalse();
		assertThat(OnBehalf.mayFileFor(false, MANAGER, REPORT, false, MANAGER, true)).isFalse();
	}

	@Test
	void aReportDoesNotFileForTheirManager() {
		assertThat(OnBehalf.mayFileFor(false, REPORT, MANAGER, true, null, true)).isFalse();
	}

}
