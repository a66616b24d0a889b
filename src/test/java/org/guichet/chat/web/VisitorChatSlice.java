package org.guichet.chat.web;

import org.guichet.chat.ChatSettings;
import org.guichet.chat.ChatStreams;
import org.guichet.chat.Chats;
import org.guichet.system.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * The visitors' chat controller behind its own security chain, in a web slice: {@link Chats} and the
 * streams are mocks, the settings are {@code guichet.chat.*} as the subclass sets them (the option
 * off by default). The full application tests share one context, with the option on (ChatIT).
 */
@WebMvcTest(VisitorChatController.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@Import({ VisitorChatSecurity.class, Problems.class, ChatPages.class })
@EnableConfigurationProperties(ChatSettings.class)
abstract class VisitorChatSlice {

	@Autowired
	WebApplicationContext context;

	@MockitoBean
	Chats chats;

	@MockitoBean
	ChatStreams streams;

	MockMvc mvc;

	@BeforeEach
	void setUpTheBrowser() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

}
