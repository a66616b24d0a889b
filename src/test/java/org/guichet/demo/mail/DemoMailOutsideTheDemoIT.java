package org.guichet.demo.mail;

import org.guichet.directory.Role;
import org.guichet.testing.DatabaseNeutral;
import org.guichet.testing.GuichetIntegrationTest;
import org.guichet.testing.TestFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Outside the demo profile, nothing of the demo's mail server exists: no server, no sender, no page, no link. */
@GuichetIntegrationTest
@DatabaseNeutral
class DemoMailOutsideTheDemoIT {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private TestFixtures fixtures;

	@Test
	void noMailServerNoSenderNoPageAndNoLinkToIt() throws Exception {
		assertThat(context.getBeansOfType(DemoMailServer.class)).isEmpty();
		assertThat(context.getBeansOfType(DemoSupportMailbox.class)).isEmpty();
		assertThat(context.containsBean("demoMailSender")).as("the demo's SMTP sender").isFalse();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity()).build();
		MockHttpSession admin = (MockHttpSession) mvc
			.perform(formLogin().user(fixtures.user("no-demo-admin", Role.ADMINISTRATOR).getUsername())
				.password(TestFixtures.PASSWORD))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/admin/demo-mail").session(admin)).andExpect(status().isNotFound());
		assertThat(mvc.perform(get("/admin").session(admin)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).doesNotContain("demo-mail");
	}

}
