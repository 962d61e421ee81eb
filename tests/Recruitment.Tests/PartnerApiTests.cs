using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Decisions;
using Cro.Recruitment.Features.Partner;
using Cro.Recruitment.Features.Rounds;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Cro.Recruitment.Tests;

/// <summary>The partner association's API: read the accepted JST, prepare drafts its member JST confirm.</summary>
public sealed class PartnerApiTests(RecruitmentService service) : IClassFixture<RecruitmentService>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Partner(params string[] scopes) => service.ClientWith(TestTokens.Client("partner-zgw", scopes));

    [Fact]
    public async Task A_partners_draft_counts_only_after_the_coordinator_submits_it_through_the_emailed_link()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var partner = Partner("recruitment.write");

        var proposed = await partner.PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/partner-drafts",
            Applicants.WholeForm(Applicants.RuralGromadka, Applicants.Team(3)), Ct);
        var draft = await proposed.Content.ReadFromJsonAsync<PartnerDrafts.Proposed>(Ct);
        var body = await proposed.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        Assert.DoesNotContain("key", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("draft", draft!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/api/recruitment/applications/{draft.Id}", Ct)).StatusCode);

        // The coordinator's link carries the key; submitting with it is the confirmation.
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        var resumeUrl = await connection.ExecuteScalarAsync<string>(
            "SELECT payload->>'resumeUrl' FROM outbox_messages WHERE message_type LIKE 'Cro.Contracts.ApplicationDraftStarted,%' AND payload->>'applicationId' = @id",
            new { id = draft.Id.ToString() });
        var key = Uri.UnescapeDataString(resumeUrl!.Split("klucz=")[1]);
        var submitted = await Applicants.WithKey(service, key).PostAsync($"/api/recruitment/applications/{draft.Id}/submit", null, Ct);
        var status = await partner.GetFromJsonAsync<PartnerDrafts.Proposed>($"/api/recruitment/partner-drafts/{draft.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("submitted", status!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await service.ClientWith(TestTokens.Client("another-partner", "recruitment.write"))
            .GetAsync($"/api/recruitment/partner-drafts/{draft.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Partners_read_the_accepted_JST_with_recruitment_read_and_write_drafts_only_with_recruitment_write()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var accepted = await Applicants.SubmittedAsync(service, round.Id, Applicants.RuralOsiecznica);
        await service.Operator().PostAsJsonAsync($"/api/recruitment/applications/{accepted.Application.Id}/decision",
            new DecideApplication.DecideApplicationRequest("accepted", null), Ct);

        var list = await Partner("recruitment.read").GetFromJsonAsync<List<AcceptedJst.Item>>($"/api/recruitment/rounds/{round.Id}/accepted-jst", Ct);
        var withoutRead = await Partner("recruitment.write").GetAsync($"/api/recruitment/rounds/{round.Id}/accepted-jst", Ct);
        var withoutWrite = await Partner("recruitment.read").PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/partner-drafts",
            Applicants.WholeForm(Applicants.RuralBoleslawiec, Applicants.Team(3)), Ct);
        var invalid = await Partner("recruitment.write").PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/partner-drafts",
            Applicants.WholeForm("not-a-code", Applicants.Team(3)), Ct);

        Assert.Equal(("0201052", "Osiecznica", "rural-municipality"), (list![0].Terc, list[0].Name, list[0].Kind));
        Assert.Equal(HttpStatusCode.Forbidden, withoutRead.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withoutWrite.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        // A refusal names the scope the token lacks.
        var refusal = await withoutRead.Content.ReadFromJsonAsync<ProblemDetails>(Ct);
        Assert.Equal(403, refusal!.Status);
        Assert.Contains("„recruitment.read”", refusal.Detail);
    }

    [Fact]
    public async Task A_repeated_draft_for_the_same_JST_and_round_returns_the_first_and_mails_the_coordinator_once()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var partner = Partner("recruitment.write");
        var path = $"/api/recruitment/rounds/{round.Id}/partner-drafts";
        var form = Applicants.WholeForm(Applicants.RuralGromadka, Applicants.Team(3));

        var first = await partner.PostAsJsonAsync(path, form, Ct);
        var again = await partner.PostAsJsonAsync(path, form, Ct);
        // A client retrying in parallel meets the same draft too.
        var together = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => partner.PostAsJsonAsync(path, form, Ct)));

        var draft = await first.Content.ReadFromJsonAsync<PartnerDrafts.Proposed>(Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(draft, await again.Content.ReadFromJsonAsync<PartnerDrafts.Proposed>(Ct));
        Assert.All(together, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, await CountAsync("SELECT count(*)::int FROM applications WHERE round_id = @round", round));
        Assert.Equal(1, await CountAsync(DraftMailsSql, round));
    }

    [Fact]
    public async Task Concurrent_first_drafts_for_one_JST_start_one_draft()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var partner = Partner("recruitment.write");
        var form = Applicants.WholeForm(Applicants.RuralBoleslawiec, Applicants.Team(3));

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            partner.PostAsJsonAsync($"/api/recruitment/rounds/{round.Id}/partner-drafts", form, Ct)));

        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(4, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, await CountAsync("SELECT count(*)::int FROM applications WHERE round_id = @round", round));
        Assert.Equal(1, await CountAsync(DraftMailsSql, round));
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_answer_and_with_another_body_is_refused_with_nothing_written()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var partner = Partner("recruitment.write");
        var path = $"/api/recruitment/rounds/{round.Id}/partner-drafts";
        var form = Applicants.WholeForm(Applicants.RuralGromadka, Applicants.Team(3));
        var key = Guid.NewGuid().ToString();

        var first = await partner.SendAsync(WithKey(HttpMethod.Post, path, form, key), Ct);
        var repeat = await partner.SendAsync(WithKey(HttpMethod.Post, path, form, key), Ct);
        var otherBody = await partner.SendAsync(WithKey(HttpMethod.Post, path, Applicants.WholeForm(Applicants.RuralBoleslawiec, Applicants.Team(3)), key), Ct);
        var empty = await partner.SendAsync(WithKey(HttpMethod.Post, path, form, " "), Ct);
        var tooLong = await partner.SendAsync(WithKey(HttpMethod.Post, path, form, new string('k', 201)), Ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        // The repeat is the first answer itself (201 and its Location), not the later 200 of a repeated draft.
        Assert.Equal(HttpStatusCode.Created, repeat.StatusCode);
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await repeat.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(1, await CountAsync("SELECT count(*)::int FROM applications WHERE round_id = @round", round));
        Assert.Equal(1, await CountAsync(DraftMailsSql, round));
        // Keys are the client's own: another client's same key is a new request.
        var another = await service.ClientWith(TestTokens.Client("another-partner", "recruitment.write"))
            .SendAsync(WithKey(HttpMethod.Post, path, Applicants.WholeForm(Applicants.RuralBoleslawiec, Applicants.Team(3)), key), Ct);
        Assert.Equal(HttpStatusCode.Created, another.StatusCode);
    }

    [Fact]
    public async Task A_refusal_is_not_remembered_under_its_idempotency_key()
    {
        var partner = Partner("recruitment.write");
        var form = Applicants.WholeForm(Applicants.RuralGromadka, Applicants.Team(3));
        var key = Guid.NewGuid().ToString();
        var missing = Guid.NewGuid();

        var first = await partner.SendAsync(WithKey(HttpMethod.Post, $"/api/recruitment/rounds/{missing}/partner-drafts", form, key), Ct);
        var again = await partner.SendAsync(WithKey(HttpMethod.Post, $"/api/recruitment/rounds/{missing}/partner-drafts", form, key), Ct);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(0, await CountAsync("SELECT count(*)::int FROM idempotency_keys WHERE key = @key", key));
    }

    [Fact]
    public async Task A_repeat_while_the_first_request_is_still_being_answered_is_409_and_writes_nothing()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var path = $"/api/recruitment/rounds/{round.Id}/partner-drafts";
        var body = JsonSerializer.SerializeToUtf8Bytes(Applicants.WholeForm(Applicants.RuralGromadka, Applicants.Team(3)), JsonSerializerOptions.Web);
        var key = Guid.NewGuid().ToString();
        // The first request's claim (the hash of its method, path and body), as it stands until its answer is stored.
        var hash = SHA256.HashData([.. Encoding.UTF8.GetBytes($"POST {path}\n"), .. body]);
        await using (var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString))
        {
            await connection.ExecuteAsync("INSERT INTO idempotency_keys (client_id, key, request_hash, created_at) VALUES ('partner-zgw', @key, @hash, now())",
                new { key, hash });
        }
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("Idempotency-Key", key);

        var repeat = await Partner("recruitment.write").SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        Assert.Contains("Idempotency-Key", (await repeat.Content.ReadFromJsonAsync<ProblemDetails>(Ct))!.Detail);
        Assert.Equal(0, await CountAsync("SELECT count(*)::int FROM applications WHERE round_id = @round", round));
    }

    [Fact]
    public async Task A_key_older_than_24_hours_is_free_again()
    {
        var round = await Applicants.OpenRoundAsync(service);
        var key = Guid.NewGuid().ToString();
        await using (var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString))
        {
            await connection.ExecuteAsync("""
                INSERT INTO idempotency_keys (client_id, key, request_hash, status_code, body, created_at)
                VALUES ('partner-zgw', @key, '\x00', 201, '\x7b7d', now() - interval '25 hours')
                """, new { key });
        }

        var answer = await Partner("recruitment.write").SendAsync(WithKey(HttpMethod.Post, $"/api/recruitment/rounds/{round.Id}/partner-drafts",
            Applicants.WholeForm(Applicants.RuralGromadka, Applicants.Team(3)), key), Ct);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal(1, await CountAsync("SELECT count(*)::int FROM applications WHERE round_id = @round", round));
    }

    private static HttpRequestMessage WithKey(HttpMethod method, string path, object body, string key)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    private const string DraftMailsSql = """
        SELECT count(*)::int FROM outbox_messages
        WHERE message_type LIKE 'Cro.Contracts.ApplicationDraftStarted,%'
          AND (payload->>'applicationId')::uuid IN (SELECT id FROM applications WHERE round_id = @round)
        """;

    private Task<int> CountAsync(string sql, RoundResponse round) => CountAsync(sql, new { round = round.Id });

    private Task<int> CountAsync(string sql, string key) => CountAsync(sql, new { key });

    private async Task<int> CountAsync(string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(service.Factory.Database.OwnerConnectionString);
        return await connection.ExecuteScalarAsync<int>(sql, parameters);
    }
}
