using Cro.BuildingBlocks.Markdown;
using Cro.Evaluation.Features.Consultation;
using static Cro.Evaluation.Tests.ConsultationService;

namespace Cro.Evaluation.Tests;

/// <summary>
/// The programme's documents in versions, their consultation (a JST representative through a mailed link, the partner
/// through its API client), ORE's decisions and the public revision log that links back to what it came from.
/// </summary>
public sealed class DocumentConsultationTests(ConsultationService service) : IClassFixture<ConsultationService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Sections_are_the_headings_with_stable_slugs()
    {
        var sections = MarkdownSections.Of(Draft);

        Assert.Equal(["wstep", "cele", "modul-m1-diagnoza", "cele-2"], sections.Select(s => s.Slug));
        Assert.Equal("Moduł M1: diagnoza", sections[2].Title);
        Assert.Contains("Treść modułu.", sections[2].Markdown);
        Assert.Contains("id=\"modul-m1-diagnoza\"", MarkdownRenderer.ToHtmlWithAnchors(Draft));
        Assert.Contains("id=\"cele-2\"", MarkdownRenderer.ToHtmlWithAnchors(Draft));
        Assert.Contains("id=\"cele-2\"", MarkdownRenderer.ToHtml(sections[3]));
        // A heading named like the text before the first heading keeps the slug the sections give it.
        Assert.Contains("id=\"wstep-2\"", MarkdownRenderer.ToHtmlWithAnchors("Na początek.\n\n## Wstęp\n\nTekst."));
        Assert.Equal("wstep-2", MarkdownSections.Of("Na początek.\n\n## Wstęp\n\nTekst.")[1].Slug);
        Assert.DoesNotContain("<script", MarkdownRenderer.ToHtmlWithAnchors("## A\n\n<script>alert(1)</script>"));
    }

    [Fact]
    public async Task The_programme_concept_is_published_from_the_start_for_anyone()
    {
        var concept = await ReadAsync<PublicDocuments.PublicDocument>(await service.Anonymous.GetAsync("/api/evaluation/documents/by-slug/koncepcja", Ct), HttpStatusCode.OK);

        Assert.Equal("concept", concept.Kind);
        Assert.Equal(1, concept.Version);
        Assert.Contains("M5", concept.Html);
        Assert.Contains(concept.Sections, s => s.Slug == "doradztwo");
        var byId = await ReadAsync<PublicDocuments.PublicDocument>(await service.Anonymous.GetAsync($"/api/evaluation/documents/{concept.Id}", Ct), HttpStatusCode.OK);
        Assert.Equal(concept.Html, byId.Html);
    }

    [Fact]
    public async Task A_draft_is_saved_until_published_and_the_published_version_is_superseded_by_the_next()
    {
        var ore = service.Operator();
        var document = await service.CreateAsync(ore);
        Assert.Equal(VersionStatus.Draft, Assert.Single(document.Versions).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.GetAsync($"/api/evaluation/documents/{document.Id}", Ct)).StatusCode);

        var saved = await ReadAsync<ManageDocuments.VersionView>(await ore.PutAsJsonAsync($"/api/evaluation/documents/{document.Id}/draft",
            new { markdown = "## Cele\n\nPoprawione." }, Ct), HttpStatusCode.OK);
        Assert.Equal(1, saved.Number);
        await ReadAsync<ManageDocuments.VersionView>(await ore.PostAsJsonAsync($"/api/evaluation/documents/{document.Id}/versions/1/publish",
            new { changeSummary = "Pierwsza wersja." }, Ct), HttpStatusCode.OK);
        var next = await ReadAsync<ManageDocuments.VersionView>(await ore.PutAsJsonAsync($"/api/evaluation/documents/{document.Id}/draft",
            new { markdown = "## Cele\n\nJeszcze lepiej.", changeSummary = "Cele" }, Ct), HttpStatusCode.OK);
        Assert.Equal(2, next.Number);
        Assert.Contains("Poprawione", (await ReadAsync<PublicDocuments.PublicDocument>(
            await service.Anonymous.GetAsync($"/api/evaluation/documents/{document.Id}", Ct), HttpStatusCode.OK)).Html);

        await ReadAsync<ManageDocuments.VersionView>(await ore.PostAsJsonAsync($"/api/evaluation/documents/{document.Id}/versions/2/publish",
            new { changeSummary = "Cele na nowo." }, Ct), HttpStatusCode.OK);

        var detail = await ReadAsync<ManageDocuments.DocumentDetail>(await ore.GetAsync($"/api/evaluation/documents/{document.Id}/versions", Ct), HttpStatusCode.OK);
        Assert.Equal([VersionStatus.Superseded, VersionStatus.Published], detail.Versions.Select(v => v.Status));
        var published = await ReadAsync<PublicDocuments.PublicDocument>(await service.Anonymous.GetAsync($"/api/evaluation/documents/{document.Id}", Ct), HttpStatusCode.OK);
        Assert.Equal(2, published.Version);
        Assert.Equal([2, 1], published.History.Select(h => h.Number));
        Assert.Equal(HttpStatusCode.Conflict, (await ore.PostAsJsonAsync($"/api/evaluation/documents/{document.Id}/versions/1/publish",
            new { changeSummary = "Znowu." }, Ct)).StatusCode);
    }

    [Fact]
    public async Task An_invited_person_comments_on_a_section_through_the_link_until_the_consultation_closes()
    {
        var ore = service.Operator();
        var (document, consultation, token, email) = await service.ConsultedAsync(ore);
        var mail = Assert.Single(await service.EventsAsync(nameof(DocumentConsultationInvitationMailRequested), e => e.GetProperty("email").GetString() == email));
        Assert.Equal(document.Id, mail.GetProperty("documentId").GetGuid());

        var view = await ReadAsync<ParticipantConsultation.ParticipantView>(await service.Anonymous.GetAsync(Participant(token), Ct), HttpStatusCode.OK);
        Assert.Equal(["wstep", "cele", "modul-m1-diagnoza", "cele-2"], view.Sections.Select(s => s.Slug));
        Assert.Equal("open", view.State);

        var before = await service.RowCountsAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Anonymous.PostAsJsonAsync($"{Participant(token)}/comments",
            new { section = "nie-ma", text = "Uwaga." }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Anonymous.PostAsJsonAsync($"{Participant(token)}/comments",
            new { section = "cele", text = new string('x', 4001) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.Anonymous.PostAsJsonAsync($"{Participant(Token(Guid.CreateVersion7()))}/comments",
            new { section = "cele", text = "Uwaga." }, Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());

        await ReadAsync<ParticipantConsultation.CommentReceipt>(await service.Anonymous.PostAsJsonAsync($"{Participant(token)}/comments",
            new { section = "cele-2", text = "Dodajcie cel o wykluczeniu cyfrowym." }, Ct), HttpStatusCode.Created);
        view = await ReadAsync<ParticipantConsultation.ParticipantView>(await service.Anonymous.GetAsync(Participant(token), Ct), HttpStatusCode.OK);
        Assert.Equal("cele-2", Assert.Single(view.Comments).SectionSlug);

        await ReadAsync<OpenDocumentConsultation.ConsultationView>(await ore.PostAsync($"/api/evaluation/consultations/{consultation.Id}/close", null, Ct), HttpStatusCode.OK);
        before = await service.RowCountsAsync();
        Assert.Equal(HttpStatusCode.Gone, (await service.Anonymous.PostAsJsonAsync($"{Participant(token)}/comments",
            new { section = "cele", text = "Spóźniona uwaga." }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await service.Anonymous.GetAsync(Participant(token), Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());
    }

    [Fact]
    public async Task The_partner_reviews_a_consultation_once()
    {
        var ore = service.Operator();
        var (_, consultation, _, _) = await service.ConsultedAsync(ore);
        var partner = service.Partner();
        var path = $"/api/evaluation/partner/document-consultations/{consultation.Id}";
        Assert.Contains((await ReadAsync<List<PartnerConsultation.Summary>>(await partner.GetAsync("/api/evaluation/partner/document-consultations", Ct), HttpStatusCode.OK)),
            c => c.Id == consultation.Id);

        var before = await service.RowCountsAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsJsonAsync($"{path}/review", new
        {
            summary = "Recenzja.", recommendations = new[] { new { section = "nie-ma", text = "Zmienić." } },
        }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ore.PostAsJsonAsync($"{path}/review", new
        {
            summary = "Recenzja.", recommendations = new[] { new { section = (string?)null, text = "Zmienić." } },
        }, Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());

        var review = await ReadAsync<OpenDocumentConsultation.ReviewView>(await partner.PostAsJsonAsync($"{path}/review", new
        {
            summary = "Stowarzyszenie popiera projekt z dwiema zmianami.",
            recommendations = new[] { new { section = (string?)"modul-m1-diagnoza", text = "Więcej o sieci." }, new { section = (string?)null, text = "Prostszy język." } },
        }, Ct), HttpStatusCode.Created);
        Assert.Equal([1, 2], review.Recommendations.Select(r => r.Ordinal));
        await ReadAsync<ParticipantConsultation.CommentReceipt>(await partner.PostAsJsonAsync($"{path}/comments",
            new { section = "cele", text = "Uwaga partnera." }, Ct), HttpStatusCode.Created);

        before = await service.RowCountsAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await partner.PostAsJsonAsync($"{path}/review", new
        {
            summary = "Druga recenzja.", recommendations = new[] { new { section = (string?)null, text = "Jeszcze raz." } },
        }, Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());
        var seen = await ReadAsync<PartnerConsultation.PartnerView>(await partner.GetAsync(path, Ct), HttpStatusCode.OK);
        Assert.Single(seen.Comments);
        Assert.Equal(2, seen.Review!.Recommendations.Count);
    }

    [Fact]
    public async Task Every_comment_and_recommendation_is_decided_before_the_next_version_is_published_and_the_revision_log_links_back_to_them()
    {
        var ore = service.Operator();
        var (document, consultation, token, email) = await service.ConsultedAsync(ore);
        var comment = await ReadAsync<ParticipantConsultation.CommentReceipt>(await service.Anonymous.PostAsJsonAsync($"{Participant(token)}/comments",
            new { section = "cele", text = "Cel o kompetencjach nauczycieli." }, Ct), HttpStatusCode.Created);
        var review = await ReadAsync<OpenDocumentConsultation.ReviewView>(await service.Partner().PostAsJsonAsync(
            $"/api/evaluation/partner/document-consultations/{consultation.Id}/review",
            new { summary = "Recenzja partnera.", recommendations = new[] { new { section = (string?)null, text = "Skrócić wstęp." } } }, Ct), HttpStatusCode.Created);
        var recommendation = review.Recommendations[0].Id;
        var decideComment = $"/api/evaluation/consultations/{consultation.Id}/comments/{comment.Id}/decision";
        var decideRecommendation = $"/api/evaluation/consultations/{consultation.Id}/recommendations/{recommendation}/decision";

        Assert.Equal(HttpStatusCode.Conflict, (await ore.PostAsJsonAsync(decideComment, new { decision = "rejected", reason = "Za wcześnie." }, Ct)).StatusCode);
        await ReadAsync<OpenDocumentConsultation.ConsultationView>(await ore.PostAsync($"/api/evaluation/consultations/{consultation.Id}/close", null, Ct), HttpStatusCode.OK);
        await ReadAsync<ManageDocuments.VersionView>(await ore.PutAsJsonAsync($"/api/evaluation/documents/{document.Id}/draft",
            new { markdown = "## Cele\n\nCele, w tym kompetencje nauczycieli.\n\n## Moduł M1: diagnoza\n\nTreść.", changeSummary = "Po konsultacjach" }, Ct), HttpStatusCode.OK);

        var publish = $"/api/evaluation/documents/{document.Id}/versions/2/publish";
        var before = await service.RowCountsAsync();
        var refused = await ore.PostAsJsonAsync(publish, new { changeSummary = "Po konsultacjach." }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains(comment.Id.ToString(), body);
        Assert.Contains(recommendation.ToString(), body);

        Assert.Equal(HttpStatusCode.BadRequest, (await ore.PostAsJsonAsync(decideComment,
            new { decision = "accepted", changeVersion = 3, changeSection = "cele" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ore.PostAsJsonAsync(decideComment,
            new { decision = "accepted", changeVersion = 2, changeSection = "cele-2" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ore.PostAsJsonAsync(decideComment, new { decision = "accepted" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ore.PostAsJsonAsync(decideRecommendation, new { decision = "rejected" }, Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());

        await ReadAsync<OpenDocumentConsultation.ConsultationView>(await ore.PostAsJsonAsync(decideComment,
            new { decision = "accepted", changeVersion = 2, changeSection = "cele" }, Ct), HttpStatusCode.OK);
        var decided = await ReadAsync<OpenDocumentConsultation.ConsultationView>(await ore.PostAsJsonAsync(decideRecommendation,
            new { decision = "rejected", reason = "Wstęp jest już krótki." }, Ct), HttpStatusCode.OK);
        Assert.Equal(0, decided.Undecided);

        before = await service.RowCountsAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await ore.PostAsJsonAsync(publish, new
        {
            changeSummary = "Po konsultacjach.",
            revisions = new[] { new { section = "cele-2", what = "Nowy cel.", why = "Z uwagi.", source = "comment", commentId = (Guid?)comment.Id } },
        }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ore.PostAsJsonAsync(publish, new
        {
            changeSummary = "Po konsultacjach.",
            revisions = new[] { new { section = "cele", what = "Nowy cel.", why = "Z uwagi.", source = "comment", commentId = (Guid?)Guid.CreateVersion7() } },
        }, Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());

        await ReadAsync<ManageDocuments.VersionView>(await ore.PostAsJsonAsync(publish, new
        {
            changeSummary = "Po konsultacjach.",
            revisions = new object[]
            {
                new { section = "cele", what = "Cel o kompetencjach nauczycieli.", why = "Uwaga przedstawiciela JST.", source = "comment", commentId = comment.Id },
                new { section = "modul-m1-diagnoza", what = "Diagnoza sieci.", why = "Ankieta po M1.", source = "survey", reference = "Ankieta po module M1, pytanie 4", referenceUrl = "/ankiety/m1" },
                new { what = "Bez zmian we wstępie.", why = "Rekomendacja odrzucona.", source = "recommendation", recommendationId = recommendation },
            },
        }, Ct), HttpStatusCode.OK);

        var published = await ReadAsync<PublicDocuments.PublicDocument>(await service.Anonymous.GetAsync($"/api/evaluation/documents/{document.Id}", Ct), HttpStatusCode.OK);
        Assert.Equal(2, published.Version);
        Assert.Equal(["comment", "survey", "recommendation"], published.Revisions.Select(r => r.Source));
        Assert.Equal("Cele", published.Revisions[0].SectionTitle);
        var linked = published.Decisions.Single(d => d.Id == published.Revisions[0].CommentId);
        Assert.Equal(("Cel o kompetencjach nauczycieli.", "accepted", 2, "cele"), (linked.Text, linked.Decision!.Decision, linked.Decision.ChangeVersion!.Value, linked.Decision.ChangeSection!));
        Assert.Equal("Skrócić wstęp.", published.Decisions.Single(d => d.Id == published.Revisions[2].RecommendationId).Text);
        Assert.Equal("Ankieta po module M1, pytanie 4", published.Revisions[1].Reference);
        var raw = await service.Anonymous.GetStringAsync($"/api/evaluation/documents/{document.Id}", Ct);
        Assert.DoesNotContain(email, raw);
        Assert.Equal(HttpStatusCode.Conflict, (await ore.PostAsJsonAsync(decideRecommendation, new { decision = "partly", reason = "Jednak.", changeVersion = 2, changeSection = "cele" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_consultation_takes_comments_only_in_its_period_and_a_version_is_consulted_once()
    {
        var ore = service.Operator();
        var document = await service.CreateAsync(ore);
        var consultation = await ReadAsync<OpenDocumentConsultation.ConsultationView>(await ore.PostAsJsonAsync(
            $"/api/evaluation/documents/{document.Id}/versions/1/consultation", new { opensOn = Today.AddDays(3), closesOn = Today.AddDays(10) }, Ct), HttpStatusCode.Created);
        Assert.Equal("scheduled", consultation.State);
        var invited = await ReadAsync<List<ConsultationInvitations.Invited>>(await ore.PostAsJsonAsync($"/api/evaluation/consultations/{consultation.Id}/invitations",
            new { audience = "workshop", workshop = "Warsztat w Lublinie", emails = new[] { "a@gmina.example.pl", "A@gmina.example.pl", "b@gmina.example.pl" } }, Ct),
            HttpStatusCode.Created);
        Assert.Equal(2, invited.Count);
        var token = Token(invited[0].LinkId);

        var before = await service.RowCountsAsync();
        Assert.Equal(HttpStatusCode.OK, (await service.Anonymous.GetAsync(Participant(token), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await service.Anonymous.PostAsJsonAsync($"{Participant(token)}/comments",
            new { section = "cele", text = "Za wcześnie." }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ore.PostAsJsonAsync($"/api/evaluation/documents/{document.Id}/versions/1/consultation",
            new { closesOn = Today.AddDays(10) }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ore.PostAsJsonAsync($"/api/evaluation/documents/{document.Id}/versions/1/publish",
            new { changeSummary = "Za wcześnie." }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ore.PostAsJsonAsync($"/api/evaluation/consultations/{consultation.Id}/invitations",
            new { audience = "workshop", emails = new[] { "c@gmina.example.pl" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ore.PostAsJsonAsync($"/api/evaluation/consultations/{consultation.Id}/invitations",
            new { audience = "jst", emails = new[] { "to nie adres" } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ore.PostAsJsonAsync($"/api/evaluation/documents/{document.Id}/versions/1/consultation",
            new { closesOn = Today.AddDays(-1) }, Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());

        // Past its last day the consultation is closed, whether or not anyone closed it.
        service.Clock.Advance(TimeSpan.FromDays(12));
        try
        {
            Assert.Equal(HttpStatusCode.Gone, (await service.Anonymous.PostAsJsonAsync($"{Participant(token)}/comments",
                new { section = "cele", text = "Za późno." }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Gone, (await service.Partner().PostAsJsonAsync($"/api/evaluation/partner/document-consultations/{consultation.Id}/comments",
                new { section = "cele", text = "Za późno." }, Ct)).StatusCode);
            Assert.Equal(before, await service.RowCountsAsync());
        }
        finally
        {
            service.Clock.Advance(TimeSpan.FromDays(-12));
        }
    }

    [Fact]
    public async Task Erasing_a_person_removes_their_address_from_invitations()
    {
        var (_, consultation, _, email) = await service.ConsultedAsync(service.Operator());

        await service.PublishTwiceAsync(new PersonErased { UserId = Guid.CreateVersion7(), ErasedAt = DateTimeOffset.UtcNow, Email = email.ToUpperInvariant() });

        await Eventually.GetAsync(() => service.QueryAsync<int>(
                "SELECT count(*)::int FROM document_consultation_invitations WHERE consultation_id = @Id AND email IS NULL", new { consultation.Id }),
            rows => rows[0] == 1, what: "the invitation without its address");
        Assert.Empty(await service.QueryAsync<string>("SELECT payload::text FROM outbox_messages WHERE payload::text ILIKE @like", new { like = $"%{email}%" }));
    }

    [Fact]
    public async Task Only_ORE_manages_documents_and_consultations()
    {
        var member = service.ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["jst-member"], jst: "0201011"));
        var before = await service.RowCountsAsync();
        var create = new { kind = "material", title = "Materiał", slug = "material-x", markdown = "## A" };

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous.GetAsync("/api/evaluation/documents", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous.PostAsJsonAsync("/api/evaluation/documents", create, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync("/api/evaluation/documents", create, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/api/evaluation/partner/document-consultations", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientWith(TestTokens.Client("other", "indicators.read"))
            .GetAsync("/api/evaluation/partner/document-consultations", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await service.Operator().PostAsJsonAsync("/api/evaluation/documents",
            new { kind = "poem", title = " ", slug = "Zły Adres", markdown = "" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await service.Operator().PostAsJsonAsync("/api/evaluation/documents",
            new { kind = "concept", title = "Druga koncepcja", slug = "koncepcja", markdown = "## A" }, Ct)).StatusCode);
        Assert.Equal(before, await service.RowCountsAsync());
    }
}
