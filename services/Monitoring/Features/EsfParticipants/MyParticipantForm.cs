namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>
/// GET and PUT /api/monitoring/me/esf-participant — the signed-in member of a JST's task team reads and fills their own
/// ESF+ participant form (found by the address of their account among the people of their JST's accepted team). It is
/// filled once: a second submission is refused (409) until ORE reopens the form. The special-category answers are
/// write-only here: the form says they were given, never what they were.
/// </summary>
public static class MyParticipantForm
{
    /// <param name="SuggestedSex">The sex category the team's application gave, to start the form with (the person may change it).</param>
    /// <param name="PeselGiven">Whether a PESEL number is on record (the number itself is not shown back).</param>
    /// <param name="SpecialCategoriesGiven">Whether the special-category answers were given (what they were is not shown back).</param>
    [OpenApiSchemaName("MyEsfParticipant")]
    public sealed record MyParticipantView(Guid MemberId, string FullName, string JstTerc, string? JstName, bool Submitted, bool CanSubmit,
        DateTimeOffset? SubmittedAt, string? Sex, string? SuggestedSex, int? Age, bool PeselGiven, bool? NoPesel, string? Education, string? LabourStatus,
        bool SpecialCategoriesGiven, DateOnly? SupportStart, DateOnly? SupportEnd, IReadOnlyList<MissingItem> Missing)
    {
        public static MyParticipantView Of(ParticipantRow row) => new(row.MemberId, row.FullName, row.JstTerc, row.JstName, row.SubmittedAt is not null,
            !row.Locked, row.SubmittedAt, row.Sex, row.TeamSex is "woman" or "man" or "non-binary" ? row.TeamSex : null, row.AgeAtStart, row.Pesel is not null,
            row.NoPesel, row.Education, row.LabourStatus, row.SpecialCategoriesGivenAt is not null, row.SupportStart, row.SupportEndOn, row.Missing());
    }

    public static IEndpointRouteBuilder MapMyParticipantForm(this IEndpointRouteBuilder api)
    {
        api.MapGet("/me/esf-participant", GetAsync)
            .WithName("GetMyEsfParticipant").WithSummary("Mój formularz uczestnika projektu (EFS+) / My ESF+ participant form")
            .Produces<MyParticipantView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.JstTeam);
        api.MapPut("/me/esf-participant", SubmitAsync)
            .WithName("SubmitMyEsfParticipant").WithSummary("Wypełniam formularz uczestnika projektu (EFS+) / I fill in my ESF+ participant form")
            .Validate<ParticipantForm>().Produces<MyParticipantView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.JstTeam);
        return api;
    }

    public static IResult NotInTeam() => ProblemDetailsDefaults.NotFound(
        "Nie ma Cię w zespole zadaniowym przyjętej JST pod adresem e-mail Twojego konta.",
        "You are not in an accepted JST's task team under your account's e-mail address.");

    private static async Task<IResult> GetAsync(HttpContext context, DataSession session) =>
        await ParticipantRow.OfCallerAsync(session, context.User) is { } row ? TypedResults.Ok(MyParticipantView.Of(row)) : NotInTeam();

    private static async Task<IResult> SubmitAsync(ParticipantForm form, HttpContext context, DataSession session, TimeProvider time)
    {
        // Two submissions at once: the second waits here and finds the first's.
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('esf-participant:' || lower(@email)))",
            new { email = context.User.FindFirst(CroClaims.Email)?.Value ?? "" });
        if (await ParticipantRow.OfCallerAsync(session, context.User) is not { } row)
        {
            return NotInTeam();
        }
        if (row.Locked)
        {
            return Problems.Conflict("Formularz jest już wypełniony.", "The form is filled in already.",
                "Dane uczestnika zbiera się raz, na początku wsparcia. Jeśli coś trzeba poprawić, napisz do ORE: otworzy formularz ponownie.",
                "The participant's data are collected once, at the start of support. Should something need correcting, write to ORE: they will reopen the form.");
        }
        var now = time.GetUtcNow().ToUniversalTime();
        await session.ExecuteAsync("""
            INSERT INTO esf_participants (member_id, jst_terc, sex, age_at_start, pesel, no_pesel, education, labour_status,
                                          special_categories_given_at, submitted_at, submitted_by)
            VALUES (@MemberId, @JstTerc, @Sex, @Age, @pesel, @NoPesel, @Education, @LabourStatus, @now, @now, @by)
            ON CONFLICT (member_id) DO UPDATE SET
                sex = excluded.sex, age_at_start = excluded.age_at_start, pesel = excluded.pesel, no_pesel = excluded.no_pesel,
                education = excluded.education, labour_status = excluded.labour_status,
                special_categories_given_at = excluded.special_categories_given_at, submitted_at = excluded.submitted_at,
                submitted_by = excluded.submitted_by, reopened_at = NULL, reopened_by = NULL
            """, new
        {
            row.MemberId, row.JstTerc, form.Sex, form.Age, pesel = form.NoPesel ? null : form.Pesel, form.NoPesel, form.Education, form.LabourStatus,
            now, by = context.User.PersonId(),
        });
        // The person adds their own answers; the table's rule lets them add, never read (SpecialCategoryRowSecurity).
        await session.AllowOwnSpecialCategoryAnswersAsync(row.MemberId);
        await session.ExecuteAsync("""
            INSERT INTO esf_special_categories (id, member_id, disability, foreign_origin, third_country_national, minority, homelessness, recorded_at)
            VALUES (@id, @MemberId, @Disability, @ForeignOrigin, @ThirdCountryNational, @Minority, @Homelessness, @now)
            """, new { id = Guid.CreateVersion7(), row.MemberId, form.Disability, form.ForeignOrigin, form.ThirdCountryNational, form.Minority, form.Homelessness, now });
        var saved = (await ParticipantRow.FindAsync(session, row.MemberId))!;
        await session.CommitAsync();
        return TypedResults.Ok(MyParticipantView.Of(saved));
    }
}
