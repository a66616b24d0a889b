/**
 * The knowledge base: articles (solutions, procedures, FAQ, post-incident reports, known errors)
 * written in Markdown by the IT team, from scratch or from a resolved ticket, kept in every saved
 * version, reviewed and published to the team or to requesters, found by the global search
 * ({@link org.guichet.knowledge.ArticleSearchSource}) and rated by their readers. Its rules are
 * {@link org.guichet.knowledge.ArticlePolicy}'s; docs/KNOWLEDGE.md describes them.
 * It depends on tickets (categories, the tickets articles are written from), directory, text,
 * notifications, search and system; no module depends on it but chat (the articles suggested beside
 * a conversation), assist (the article offered to resolve a new ticket by self-service),
 * presentation, demo and reporting (the deflection rate, {@link org.guichet.knowledge.Deflections}). Self-service — the portal's
 * knowledge page, suggestions on the new-ticket form, deflection, relevant articles and diagnosis
 * checklists on the agent's ticket page — is described in docs/KNOWLEDGE.md "Self-service".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base")
@org.jspecify.annotations.NullMarked
package org.guichet.knowledge;
