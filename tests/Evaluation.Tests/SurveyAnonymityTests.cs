namespace Cro.Evaluation.Tests;

/// <summary>
/// Anonymity by construction, read from the schema itself: the answers table cannot be joined to people or invitations —
/// no foreign key, no column naming a person, an invitation, a registration or an address, no time of any kind, a random
/// (v4) id — and an invitation records only whether it was answered, never when.
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
}
