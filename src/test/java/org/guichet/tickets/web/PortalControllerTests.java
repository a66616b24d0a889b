package org.guichet.tickets.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import org.guichet.tickets.Attachment;

import org.springframework.mock.web.MockMultipartFile;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.guichet.directory.Accounts;
import org.guichet.directory.ApiTokens;
import org.guichet.directory.CurrentUser;
import org.guichet.directory.Role;
import org.guichet.directory.UserRepository;
import org.guichet.system.InvalidInputException;
import org.guichet.system.NotFoundException;
import org.guichet.tickets.CategoryRepository;
import org.guichet.tickets.DeskSettings;
import org.guichet.tickets.QueueCounts;
import org.guichet.tickets.Surveys;
import org.guichet.tickets.TicketId;
import org.guichet.tickets.TicketManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(PortalController.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@Import({ PortalControllerTests.ApplicationSecurity.class, FormErrors.class, FileUploads.class, AttachmentLimit.class, DateFormats.class,
		FileSizes.class, TextLimits.class })
class PortalControllerTests {

	/** The application's own security rules and locale resolver. */
	@TestConfiguration
	@ComponentScan("org.guichet.directory.internal")
	static class ApplicationSecurity {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
		}

	}

	private static final CurrentUser REQUESTER = new CurrentUser(2, "bob", "Bob Requester", Role.REQUESTER, "en", "",
			true);

	@Autowired
	WebApplicationContext context;

	MockMvc mvc;

	@MockitoBean
	TicketManagement tickets;

	@MockitoBean
	QueueCounts counts;

	@MockitoBean
	CategoryRepository categories;

	@MockitoBean
	DeskSettings settings;

	@MockitoBean
	Surveys surveys;

	@MockitoBean
	UserRepository users;

	@MockitoBean
	Accounts accounts;

	@MockitoBean
	ApiTokens tokens;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		given(categories.findAllOrdered()).willReturn(List.of());
	}

	@Test
	void aFileOverTheLimitBringsTheFormBackWithItsTextAndRegistersNothing() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "scan.pdf", "application/pdf",
				new byte[(int) Attachment.MAX_BYTES + 1]);

		mvc.perform(multipart("/portal/tickets/new").file(file)
			.with(user(REQUESTER))
			.with(csrf())
			.param("type", "INCIDENT")
			.param("title", "The scanner jams")
			.param("description", "It jams on every second page.")
			.param("urgency", "MEDIUM"))
			.andExpect(status().isOk())
			.andExpect(view().name("portal/new"))
			.andExpect(model().attributeHasErrors("ticket"))
			.andExpect(content().string(containsString("id=\"error-summary\"")))
			.andExpect(content().string(containsString("The file is larger than 10 MB")))
			.andExpect(content().string(containsString("value=\"The scanner jams\"")))
			.andExpect(content().string(containsString(">It jams on every second page.</textarea>")));
		verify(tickets, never()).register(any(), any());
	}

	@Test
	void everyMissingTextIsRefusedAtOnce() throws Exception {
		mvc.perform(post("/portal/tickets/new").with(user(REQUESTER))
			.with(csrf())
			.param("type", "INCIDENT")
			.param("title", "")
			.param("description", "")
			.param("urgency", "HIGH"))
			.andExpect(status().isOk())
			.andExpect(view().name("portal/new"))
			.andExpect(model().attributeHasFieldErrorCode("ticket", "title", "field.required"))
			.andExpect(model().attributeHasFieldErrorCode("ticket", "description", "field.required"))
			.andExpect(content().string(containsString("2 problems to fix before sending again")));
		verify(tickets, never()).register(any(), any());
	}

	@Test
	void aBlankTitleIsRefusedNextToTheFieldAndWhatWasTypedIsKept() throws Exception {
		given(tickets.register(any(), any()))
			.willThrow(new InvalidInputException("title", "field.required", "A title is required"));

		mvc.perform(post("/portal/tickets/new").with(user(REQUESTER))
			.with(csrf())
			.param("type", "SERVICE_REQUEST")
			.param("title", "   ")
			.param("description", "I need a second screen for the new accountant.")
			.param("urgency", "LOW"))
			.andExpect(status().isOk())
			.andExpect(view().name("portal/new"))
			.andExpect(model().attributeHasFieldErrorCode("ticket", "title", "field.required"))
			.andExpect(content().string(containsString(
					"<div class=\"invalid-feedback\" id=\"title-error\">This field is required: fill it in.</div>")))
			.andExpect(content().string(containsString("aria-describedby=\"title-error title-help\"")))
			.andExpect(content().string(containsString(">I need a second screen for the new accountant.</textarea>")))
			.andExpect(content().string(containsString("id=\"type2\" name=\"type\" checked=\"checked\"")))
			.andExpect(content().string(containsString("value=\"LOW\" id=\"urgency2\" name=\"urgency\" checked=\"checked\"")));
	}

	@Test
	void aMissingTypeIsRefusedBeforeAnythingIsRegistered() throws Exception {
		mvc.perform(post("/portal/tickets/new").with(user(REQUESTER))
			.with(csrf())
			.param("type", "")
			.param("title", "Wi-Fi drops")
			.param("description", "Every ten minutes.")
			.param("urgency", "HIGH"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("ticket", "type", "field.required"))
			.andExpect(content().string(containsString("value=\"Wi-Fi drops\"")));
		verify(tickets, never()).register(any(), any());
	}

	@Test
	void anUnknownOrHiddenTicketShowsTheProblemPageInTheUsersLanguage() throws Exception {
		given(tickets.view(eq(new TicketId(999)), any()))
			.willThrow(new NotFoundException("ticket.not-found", "No ticket #999", "#999"));

		mvc.perform(get("/portal/tickets/999").with(user(REQUESTER)))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/problem"))
			.andExpect(content().string(containsString("Ticket #999 does not exist or is not visible to you.")));
	}

	@Test
	void theNewTicketFormExplainsTheKindsOfDemandAndTheUrgencyLevels() throws Exception {
		mvc.perform(get("/portal/tickets/new").with(user(REQUESTER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You need something new: equipment, software")))
			.andExpect(content().string(containsString("now; you cannot work at all.")));
	}

}
