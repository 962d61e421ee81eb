using Cro.Evaluation.Features.Surveys;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Cro.Evaluation.Tests.SurveySteps;

namespace Cro.Evaluation.Tests;

/// <summary>
/// Anonymity by construction, read from the schema itself: the answers table cannot be joined to people or invitations —
/// no foreign key, no column naming a person, an invitation, a registration or an address, no time of any kind, a random
/// (v4) id — and an invitation records only whether it was answered, never when; and once the ballot box has sealed the
/// answers, not even the rows' transaction ids (xmin) lead from an answer to its invitation.
/// </summary>
public sealed class SurveyAnonymityTests(EvaluationService service) : IClassFixture<EvaluationService>
{
    private static readonly string[] PersonWords = ["person", "participant", "member", "user", "invitation", "registration", "email", "mail", "name", "token", "respondent", "trainer", "key_hash"];

    [Fact]
    public async Task The_answers_table_has_no_foreign_key_and_no_column_that_could_lead_to_a_person_or_a_moment()
    {
        var constraints = await service.QueryAsync<string>("""
            SELECT conname || ' ' || contype::text FROM pg_constraint WHERE conrelid = 'survey_answers'::regclass AND contype NOT IN ('p', 'c', 'n')
            """);
        var referencing = await service.QueryAsync<string>("""
            SELECT conrelid::regclass::text FROM pg_constraint WHERE confrelid = 'survey_answers'::regclass
            """);
        var columns = await service.QueryAsync<(string Name, string Type, string? Default)>("""
            SELECT column_name, data_type, column_default FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = 'survey_answers' ORDER BY ordinal_position
            """);

        Assert.Empty(constraints);
        Assert.Empty(referencing);
        Assert.NotEmpty(columns);
        Assert.All(columns, c => Assert.DoesNotContain(PersonWords, word => c.Name.Contains(word, StringComparison.OrdinalIgnoreCase)));
        Assert.All(columns, c => Assert.DoesNotContain(c.Type, new[] { "timestamp with time zone", "timestamp without time zone", "date", "time without time zone",
            "time with time zone", "interval" }));
        Assert.Equal("gen_random_uuid()", columns.Single(c => c.Name == "id").Default);
        Assert.DoesNotContain(columns, c => c.Name != "id" && c.Type == "uuid" && !c.Name.EndsWith("_id", StringComparison.Ordinal));
        Assert.Equal(["advisor_id", "cohort_id", "conference_id", "id"], columns.Where(c => c.Type == "uuid").Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_invitation_keeps_only_whether_it_was_answered_never_when()
    {
        var answered = await service.QueryAsync<(string Name, string Type)>("""
            SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = 'survey_invitations' AND column_name LIKE 'answer%'
            """);

        Assert.Equal([("answered", "boolean")], answered);
    }

    [Fact]
    public async Task Sealed_answers_share_no_transaction_id_with_an_invitation_and_a_batch_waits_for_enough_answers_or_a_day()
    {
        var db = service.Factory.Services.GetRequiredService<NpgsqlDataSource>();
        var tokens = await service.ModuleSurveysAsync(Guid.CreateVersion7(), "M1", 7);
        Task<IReadOnlyList<long>> Linked() => service.QueryAsync<long>(
            "SELECT count(*) FROM survey_answers a JOIN survey_invitations i ON a.xmin = i.xmin");
        Task<IReadOnlyList<long>> Waiting() => service.QueryAsync<long>("SELECT count(*) FROM survey_answers WHERE NOT sealed");

        await service.AnsweredAsync(tokens[0], ModuleAnswers());
        Assert.Equal(1, (await Linked()).Single());
        await SurveyBallotBox.SealAsync(db, service.Clock.GetUtcNow(), Ct);
        Assert.Equal([0L], await Waiting());

        await service.AnsweredAsync(tokens[1], ModuleAnswers());
        await SurveyBallotBox.SealAsync(db, service.Clock.GetUtcNow(), Ct);
        Assert.Equal([1L], await Waiting());

        for (var i = 2; i < 6; i++)
        {
            await service.AnsweredAsync(tokens[i], ModuleAnswers());
        }
        Assert.Equal([5L], await Linked());
        await SurveyBallotBox.SealAsync(db, service.Clock.GetUtcNow(), Ct);
        Assert.Equal([0L], await Waiting());
        Assert.Equal([0L], await Linked());
        // The batch of five carries one transaction id, the first answer's batch another.
        Assert.Equal([2L], await service.QueryAsync<long>("SELECT count(DISTINCT xmin::text) FROM survey_answers"));

        await service.AnsweredAsync(tokens[6], ModuleAnswers());
        await SurveyBallotBox.SealAsync(db, service.Clock.GetUtcNow(), Ct);
        Assert.Equal([1L], await Waiting());
        service.Clock.Advance(TimeSpan.FromDays(1.01));
        await SurveyBallotBox.SealAsync(db, service.Clock.GetUtcNow(), Ct);
        Assert.Equal([0L], await Waiting());
        Assert.Equal([0L], await Linked());
        Assert.Equal([7L], await service.QueryAsync<long>("SELECT count(*) FROM survey_answers WHERE sealed AND module_code = 'M1'"));
    }
}
