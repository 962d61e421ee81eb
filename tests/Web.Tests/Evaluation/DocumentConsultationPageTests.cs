using System.Text.RegularExpressions;
using Cro.Web.Evaluation.Api;

namespace Cro.Web.Tests.Evaluation;

/// <summary>
/// The pages of the programme documents' consultation against a fake evaluation service: the public concept with its
/// revision log linking to the decided comments, a JST representative commenting on a section through the mailed link,
/// and ORE inviting a workshop's participants, deciding a comment and publishing the next version with its log.
/// </summary>
public sealed partial class DocumentConsultationPageTests : IDisposable
{
    private const string Token = "q2cQm1oUeGN5t4vY0h9sJd3WkL7xPzAa8bRfTnE6uIo";
    private static readonly Guid DocumentId = Guid.NewGuid(), ConsultationId = Guid.NewGuid(), CommentId = Guid.NewGuid(), RecommendationId = Guid.NewGuid();
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly WebWithFakeServices _web = new();

    public void Dispose() => _web.Dispose();

    private static IReadOnlyList<DocumentSection> Sections =>
    [
        new DocumentSection { Slug = "cele", Title = "Cele", Level = 2, Html = "<h2 id=\"cele\">Cele</h2>\n<p>Cele programu.</p>" },
        new DocumentSection { Slug = "doradztwo", Title = "Doradztwo", Level = 2, Html = "<h2 id=\"doradztwo\">Doradztwo</h2>\n<p>Doradca przez 12 miesięcy.</p>" },
    ];

    private static ConsultationDecision Accepted => new()
    {
        Decision = "accepted", Reason = null, ChangeVersion = 2, ChangeSection = "cele", DecidedAt = DateTimeOffset.UtcNow,
    };

    private static DocumentConsultation Consultation(string state, ConsultationDecision? decision = null) => new()
    {
        Id = ConsultationId, DocumentId = DocumentId, DocumentTitle = "Koncepcja programu", DocumentKind = "concept", Version = 1, State = state,
        OpensOn = Today, ClosesOn = Today.AddDays(14), ClosedAt = state == "closed" ? DateTimeOffset.UtcNow : null, Sections = Sections,
        Invitations = [new DocumentConsultationInvitation
        {
            Id = Guid.NewGuid(), Audience = "workshop", Workshop = "Warsztat w Lublinie", Email = "wojt@gmina.example.pl", InvitedAt = DateTimeOffset.UtcNow, LastUsedAt = null,
        }],
        Comments = [new DocumentComment
        {
            Id = CommentId, SectionSlug = "cele", Text = "Dodajcie cel o kompetencjach nauczycieli.", From = "workshop", Workshop = "Warsztat w Lublinie",
            CreatedAt = DateTimeOffset.UtcNow, Decision = decision,
        }],
        Review = new DocumentPartnerReview
        {
            Id = Guid.NewGuid(), Summary = "Stowarzyszenie popiera projekt.", SubmittedAt = DateTimeOffset.UtcNow,
            Recommendations = [new DocumentRecommendation
            {
                Id = RecommendationId, Ordinal = 1, SectionSlug = null, Text = "Prostszy język.",
                Decision = new ConsultationDecision { Decision = "rejected", Reason = "Język jest prosty.", ChangeVersion = null, ChangeSection = null, DecidedAt = DateTimeOffset.UtcNow },
            }],
        },
        Undecided = decision is null ? 1 : 0,
    };

    [Fact]
    public async Task The_public_concept_shows_its_text_and_a_revision_log_that_links_to_the_decided_comment()
    {
        _web.Evaluation.Json(HttpMethod.Get, "/api/evaluation/documents/by-slug/koncepcja", new PublicDocument
        {
            Id = DocumentId, Slug = "koncepcja", Kind = "concept", Title = "Koncepcja programu Cyfrowy Rozwój Oświaty", Version = 2,
            PublishedAt = DateTimeOffset.UtcNow, ChangeSummary = "Po konsultacjach z JST.", Html = "<h2 id=\"cele\">Cele</h2><p>Cele, w tym kompetencje nauczycieli.</p>",
            Sections = [new PublicSectionHeading { Slug = "cele", Title = "Cele", Level = 2 }],
            Revisions = [new PublicRevision
            {
                Ordinal = 1, SectionSlug = "cele", SectionTitle = "Cele", What = "Nowy cel o kompetencjach.", Why = "Uwaga z warsztatu.", Source = "comment",
                CommentId = CommentId, RecommendationId = null, Reference = null, ReferenceUrl = null,
            }, new PublicRevision
            {
                Ordinal = 2, SectionSlug = null, SectionTitle = null, What = "Krótszy opis.", Why = "Ankieta po M1.", Source = "survey",
                CommentId = null, RecommendationId = null, Reference = "Ankieta po module M1", ReferenceUrl = "/ankiety/m1",
            }],
            Decisions = [new PublicConsultationItem
            {
                Id = CommentId, Kind = "comment", From = "workshop", Version = 1, SectionSlug = "cele", Text = "Dodajcie cel o kompetencjach nauczycieli.", Decision = Accepted,
            }],
            History = [new PublishedVersionSummary { Number = 2, PublishedAt = DateTimeOffset.UtcNow, ChangeSummary = "Po konsultacjach z JST.", Current = true },
                new PublishedVersionSummary { Number = 1, PublishedAt = DateTimeOffset.UtcNow.AddDays(-60), ChangeSummary = "Pierwsza wersja.", Current = false }],
        });

        var html = await WebWithFakeServices.PageAsync(await _web.Browser().GetAsync("/koncepcja", Ct));

        Assert.Contains("Cele, w tym kompetencje nauczycieli.", html);
        Assert.Contains("Rejestr zmian wersji 2", html);
        Assert.Contains($"href=\"/koncepcja#pozycja-{CommentId:N}\"", html);
        Assert.Contains($"id=\"pozycja-{CommentId:N}\"", html);
        Assert.Contains("Dodajcie cel o kompetencjach nauczycieli.", html);
        Assert.Contains("uwzględniona", html);
        Assert.Contains("href=\"/ankiety/m1\">Ankieta po module M1</a>", html);
        Assert.Contains("Wersja 1, opublikowana", html);
        Assert.Contains("href=\"/koncepcja\"", html); // the menu entry
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task An_invited_person_comments_on_one_section_and_a_closed_link_answers_410()
    {
        var view = new ParticipantDocumentConsultation
        {
            DocumentTitle = "Koncepcja programu", DocumentKind = "concept", Version = 1, OpensOn = Today, ClosesOn = Today.AddDays(14), State = "open",
            Audience = "workshop", Workshop = "Warsztat w Lublinie", Sections = Sections, Comments = [],
        };
        _web.Evaluation.Json(HttpMethod.Get, $"/api/evaluation/public/document-consultations/{Token}", view);
        _web.Evaluation.Json(HttpMethod.Post, $"/api/evaluation/public/document-consultations/{Token}/comments",
            new DocumentCommentReceipt { Id = Guid.NewGuid(), SectionSlug = "doradztwo", CreatedAt = DateTimeOffset.UtcNow, ClosesOn = Today.AddDays(14) }, HttpStatusCode.Created);
        var browser = _web.Browser();

        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync($"/konsultacje-koncepcji/{Token}", Ct));
        Assert.Contains("Doradca przez 12 miesięcy.", html);
        Assert.Contains("uczestnicy warsztatu „Warsztat w Lublinie”", html);
        Assert.Contains("Twoja uwaga do sekcji „Doradztwo”", html);
        foreach (var id in FieldIds().Matches(html).Select(m => m.Groups[1].Value))
        {
            Assert.Contains($"for=\"{id}\"", html);
        }

        var page = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, $"/konsultacje-koncepcji/{Token}", "comment-doradztwo",
            ("text", "  Doradca powinien znać szkoły gminy. ")));

        var sent = Assert.Single(_web.Evaluation.Sent(HttpMethod.Post, $"/api/evaluation/public/document-consultations/{Token}/comments"));
        Assert.Equal(("doradztwo", "Doradca powinien znać szkoły gminy."), (sent.GetProperty("section").GetString(), sent.GetProperty("text").GetString()));
        Assert.Contains("przyjęliśmy Twoją uwagę do sekcji „Doradztwo”", page);

        _web.Evaluation.Problem(HttpMethod.Get, "/api/evaluation/public/document-consultations/closed-link-token-0123456789", HttpStatusCode.Gone,
            new { title = "Konsultacje są zakończone.", status = 410, detail = "Konsultacje wersji 1 zakończyły się 30 listopada 2026, 00:00." });
        var gone = await browser.GetAsync("/konsultacje-koncepcji/closed-link-token-0123456789", Ct);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("zakończyły się 30 listopada 2026", WebUtility.HtmlDecode(await gone.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task ORE_invites_a_workshops_participants_and_decides_a_comment_with_the_link_to_the_change()
    {
        var path = $"/api/evaluation/consultations/{ConsultationId}";
        _web.Evaluation.Json(HttpMethod.Get, path, Consultation("open"));
        _web.Evaluation.Json(HttpMethod.Post, $"{path}/invitations", new[] { new DocumentConsultationInvited { LinkId = Guid.NewGuid(), Email = "a@gmina.example.pl", Replaced = false } },
            HttpStatusCode.Created);
        var browser = _web.Browser(Roles.Operator);
        var page = $"/administracja/dokumenty/konsultacje/{ConsultationId}";

        var html = await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, page, "consultation-invite",
            ("Invite.Audience", "workshop"), ("Invite.Workshop", "Warsztat w Lublinie"), ("Invite.Emails", "a@gmina.example.pl\nb@gmina.example.pl")));
        var invite = Assert.Single(_web.Evaluation.Sent(HttpMethod.Post, $"{path}/invitations"));
        Assert.Equal(("workshop", "Warsztat w Lublinie", 2), (invite.GetProperty("audience").GetString(), invite.GetProperty("workshop").GetString(),
            invite.GetProperty("emails").GetArrayLength()));
        Assert.Contains("Wysłano zaproszenia: 1.", html);

        _web.Evaluation.Json(HttpMethod.Get, path, Consultation("closed"));
        _web.Evaluation.Json(HttpMethod.Post, $"{path}/comments/{CommentId}/decision", Consultation("closed", Accepted));
        html = await WebWithFakeServices.PageAsync(await browser.GetAsync(page, Ct));
        Assert.Contains("Rozstrzygnięcie: Uwaga 1", html);
        Assert.Contains("Uzasadnienie: Rekomendacja 1", html);

        await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, page, $"decide-comment-{CommentId}",
            ("decision", "accepted"), ("reason", ""), ("changeVersion", "2"), ("changeSection", "cele")));
        var decided = Assert.Single(_web.Evaluation.Sent(HttpMethod.Post, $"{path}/comments/{CommentId}/decision"));
        Assert.Equal(("accepted", 2, "cele"), (decided.GetProperty("decision").GetString(), decided.GetProperty("changeVersion").GetInt32(),
            decided.GetProperty("changeSection").GetString()));
    }

    [Fact]
    public async Task ORE_publishes_the_next_version_with_a_log_entry_for_the_accepted_comment()
    {
        _web.Evaluation.Json(HttpMethod.Get, "/api/evaluation/documents", new[] { new DocumentSummary
        {
            Id = DocumentId, Slug = "koncepcja", Kind = "concept", Title = "Koncepcja programu", PublishedVersion = 1, LatestVersion = 2, LatestStatus = "draft",
        } });
        _web.Evaluation.Json(HttpMethod.Get, $"/api/evaluation/documents/{DocumentId}/versions", new DocumentDetail
        {
            Id = DocumentId, Slug = "koncepcja", Kind = "concept", Title = "Koncepcja programu",
            Versions =
            [
                new DocumentVersionSummary { Number = 1, Status = "in-consultation", ChangeSummary = null, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                    PublishedAt = null, ConsultationId = ConsultationId, ConsultationState = "closed" },
                new DocumentVersionSummary { Number = 2, Status = "draft", ChangeSummary = "Po konsultacjach", CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                    PublishedAt = null, ConsultationId = null, ConsultationState = null },
            ],
        });
        _web.Evaluation.Json(HttpMethod.Get, $"/api/evaluation/documents/{DocumentId}/versions/2", new DocumentVersion
        {
            DocumentId = DocumentId, Number = 2, Status = "draft", ChangeSummary = "Po konsultacjach", Markdown = "## Cele\n\nNowe cele.\n\n## Doradztwo\n\nDoradca.",
            Html = "", Sections = Sections, UpdatedAt = DateTimeOffset.UtcNow,
        });
        _web.Evaluation.Json(HttpMethod.Get, $"/api/evaluation/consultations/{ConsultationId}", Consultation("closed", Accepted));
        _web.Evaluation.Json(HttpMethod.Post, $"/api/evaluation/documents/{DocumentId}/versions/2/publish", new DocumentVersion
        {
            DocumentId = DocumentId, Number = 2, Status = "published", ChangeSummary = "Po konsultacjach", Markdown = "", Html = "", Sections = Sections, UpdatedAt = DateTimeOffset.UtcNow,
        });
        var browser = _web.Browser(Roles.Operator);

        var list = await WebWithFakeServices.PageAsync(await browser.GetAsync("/administracja/dokumenty", Ct));
        Assert.Contains($"href=\"/administracja/dokumenty/{DocumentId}\"", list);
        var page = $"/administracja/dokumenty/{DocumentId}";
        var html = await WebWithFakeServices.PageAsync(await browser.GetAsync(page, Ct));
        Assert.Contains("Publikacja wersji 2", html);
        Assert.Contains("Wpisz do rejestru: Uwaga 1 do wersji 1 (uwzględniona)", html);
        Assert.Contains(">## Cele", html);
        Assert.DoesNotContain("style=", html);

        await WebWithFakeServices.PageAsync(await WebWithFakeServices.PostFormAsync(browser, page, "version-publish",
            ("summary", "Po konsultacjach z JST."),
            ("rev0.source", "comment"), ("rev0.item", CommentId.ToString()), ("rev0.include", "true"), ("rev0.section", "cele"),
            ("rev0.what", "Nowy cel o kompetencjach."), ("rev0.why", "Uwaga z warsztatu."),
            ("rev1.source", "survey"), ("rev1.section", ""), ("rev1.what", "Krótszy opis."), ("rev1.why", "Ankieta po M1."), ("rev1.reference", "Ankieta po module M1"),
            ("rev2.source", "other"), ("rev2.what", "")));

        var sent = Assert.Single(_web.Evaluation.Sent(HttpMethod.Post, $"/api/evaluation/documents/{DocumentId}/versions/2/publish"));
        Assert.Equal("Po konsultacjach z JST.", sent.GetProperty("changeSummary").GetString());
        var revisions = sent.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal(2, revisions.Count);
        Assert.Equal(("comment", CommentId, "cele"), (revisions[0].GetProperty("source").GetString(), revisions[0].GetProperty("commentId").GetGuid(),
            revisions[0].GetProperty("section").GetString()));
        Assert.Equal(("survey", "Ankieta po module M1"), (revisions[1].GetProperty("source").GetString(), revisions[1].GetProperty("reference").GetString()));
    }

    [GeneratedRegex("<(?:input|textarea|select)[^>]* id=\"([^\"]+)\"")]
    private static partial Regex FieldIds();
}
