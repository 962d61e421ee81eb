namespace Cro.Monitoring.Features.EsfParticipants;

/// <summary>
/// ORE's view of the participants (policy Operator): GET /api/monitoring/participants — everyone of the supported teams with
/// their non-sensitive data (never a special-category answer, nor the PESEL number); GET …/participants/completeness — who
/// cannot be reported yet and what each lacks, per JST, so ORE can chase it long before the report is due;
/// POST …/participants/{memberId}/reopen — lets the person submit the form again; PUT …/participants/{memberId}/support —
/// ORE's part: the dates of support (start: the first session attended unless ORE sets it; end: the end of the support path)
/// and the form of support.
/// </summary>
public static class ParticipantsOversight
{
    [OpenApiSchemaName("EsfParticipant")]
    public sealed record ParticipantView(Guid MemberId, string FullName, string JstTerc, string? JstName, bool Erased, DateTimeOffset? SubmittedAt,
        DateTimeOffset? ReopenedAt, string? Sex, int? Age, bool PeselGiven, bool? NoPesel, string? Education, string? LabourStatus,
        bool SpecialCategoriesGiven, DateOnly? SupportStart, bool SupportStartSetByOre, DateOnly? SupportEnd, string SupportForm,
        IReadOnlyList<MissingItem> Missing)
    {
        public static ParticipantView Of(ParticipantRow row) => new(row.MemberId, row.FullName, row.JstTerc, row.JstName, row.ErasedAt is not null,
            row.SubmittedAt, row.ReopenedAt, row.Sex, row.AgeAtStart, row.Pesel is not null, row.NoPesel, row.Education, row.LabourStatus,
            row.SpecialCategoriesGivenAt is not null, row.SupportStart, row.SupportStartOn is not null, row.SupportEndOn, row.SupportForm,
            row.ErasedAt is null ? row.Missing() : []);
    }

    [OpenApiSchemaName("EsfIncompleteParticipant")]
    public sealed record IncompletePerson(Guid MemberId, string FullName, bool Started, bool FormSubmitted, IReadOnlyList<MissingItem> Missing);

    [OpenApiSchemaName("EsfJstCompleteness")]
    public sealed record JstCompleteness(string Terc, string? Name, int People, int Complete, IReadOnlyList<IncompletePerson> Incomplete);

    [OpenApiSchemaName("EsfCompleteness")]
    public sealed record CompletenessResponse(int People, int Complete, int Incomplete, IReadOnlyList<JstCompleteness> Jst);

    /// <param name="StartOn">The first day of support when it is not the first session attended (empty: that session's day).</param>
    /// <param name="EndOn">The last day of the person's support path (empty: still supported).</param>
    [OpenApiSchemaName("EsfSupportChange")]
    public sealed record SupportChange(
        [property: FieldLabel("Data rozpoczęcia wsparcia", "Start of support")] DateOnly? StartOn,
        [property: FieldLabel("Data zakończenia wsparcia", "End of support")] DateOnly? EndOn,
        [property: FieldLabel("Forma wsparcia", "Form of support")] string SupportForm)
    {
        public sealed class Validator : AbstractValidator<SupportChange>
        {
            public Validator()
            {
                RuleFor(c => c.SupportForm).Must(f => EsfValues.IsCode(EsfValues.SupportForm, f))
                    .WithMessage(_ => Text.Pick($"Nieznana forma wsparcia; dozwolone: {EsfValues.Codes(EsfValues.SupportForm)}.",
                        $"Unknown form of support; allowed: {EsfValues.Codes(EsfValues.SupportForm)}."));
                RuleFor(c => c.EndOn).GreaterThanOrEqualTo(c => c.StartOn).When(c => c.StartOn is not null && c.EndOn is not null)
                    .WithMessage(_ => Text.Pick("Wsparcie nie może się skończyć przed rozpoczęciem.", "Support cannot end before it starts."));
            }
        }
    }

    public static IEndpointRouteBuilder MapParticipantsOversight(this IEndpointRouteBuilder api)
    {
        api.MapGet("/participants", ListAsync)
            .WithName("ListEsfParticipants").WithSummary("Uczestnicy projektu (EFS+) bez danych wrażliwych / The project's ESF+ participants, without sensitive data")
            .Produces<IReadOnlyList<ParticipantView>>().RequireAuthorization(Policies.Operator);
        api.MapGet("/participants/completeness", CompletenessAsync)
            .WithName("GetEsfCompleteness").WithSummary("Kogo nie można jeszcze wykazać w SM EFS i czego brakuje / Who cannot be reported to SM EFS yet and what is missing")
            .Produces<CompletenessResponse>().RequireAuthorization(Policies.Operator);
        api.MapPost("/participants/{memberId:guid}/reopen", ReopenAsync)
            .WithName("ReopenEsfParticipantForm").WithSummary("ORE otwiera formularz uczestnika ponownie / ORE reopens a participant's form")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        api.MapPut("/participants/{memberId:guid}/support", SetSupportAsync)
            .WithName("SetEsfParticipantSupport").WithSummary("Daty i forma wsparcia uczestnika / A participant's dates and form of support")
            .Validate<SupportChange>().Produces<ParticipantView>().ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    public static IResult NotFound() => ProblemDetailsDefaults.NotFound("Nie ma takiego uczestnika projektu.", "There is no such participant.");

    private static async Task<IResult> ListAsync(DataSession session, string? terc = null) =>
        TypedResults.Ok((await ParticipantRow.ListAsync(session, terc)).Select(ParticipantView.Of).ToList());

    private static async Task<IResult> CompletenessAsync([RepeatableRead] DataSession session)
    {
        var people = (await ParticipantRow.ListAsync(session)).Where(p => p.ErasedAt is null).ToList();
        var jst = people.GroupBy(p => (p.JstTerc, p.JstName)).Select(g =>
        {
            var incomplete = g.Select(p => (p, missing: p.Missing())).Where(x => x.missing.Count > 0)
                .Select(x => new IncompletePerson(x.p.MemberId, x.p.FullName, x.p.Started, x.p.SubmittedAt is not null, x.missing)).ToList();
            return new JstCompleteness(g.Key.JstTerc, g.Key.JstName, g.Count(), g.Count() - incomplete.Count, incomplete);
        }).ToList();
        var incompleteCount = jst.Sum(j => j.Incomplete.Count);
        return TypedResults.Ok(new CompletenessResponse(people.Count, people.Count - incompleteCount, incompleteCount,
            [.. jst.Where(j => j.Incomplete.Count > 0)]));
    }

    private static async Task<IResult> ReopenAsync(Guid memberId, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await ParticipantRow.FindAsync(session, memberId) is not { } row)
        {
            return NotFound();
        }
        if (!row.Locked)
        {
            return Problems.Conflict("Formularza nie trzeba otwierać.", "The form needs no reopening.",
                "Uczestnik jeszcze go nie wysłał albo formularz jest już otwarty.", "The participant has not sent it yet, or it is open already.");
        }
        await session.ExecuteAsync("UPDATE esf_participants SET reopened_at = @now, reopened_by = @by WHERE member_id = @memberId",
            new { memberId, now = time.GetUtcNow().ToUniversalTime(), by = context.User.PersonId() });
        await session.CommitAsync();
        return TypedResults.NoContent();
    }

    private static async Task<IResult> SetSupportAsync(Guid memberId, SupportChange change, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await ParticipantRow.FindAsync(session, memberId) is not { } row)
        {
            return NotFound();
        }
        if (change.EndOn is { } end && (change.StartOn ?? row.SupportStart) is { } start && end < start)
        {
            return Problems.Field("endOn", $"Wsparcie tej osoby zaczęło się {start:yyyy-MM-dd}; nie może się skończyć wcześniej.",
                $"This person's support started on {start:yyyy-MM-dd}; it cannot end earlier.");
        }
        await session.ExecuteAsync("""
            INSERT INTO esf_participants (member_id, jst_terc, support_start_on, support_end_on, support_form, support_set_at, support_set_by)
            VALUES (@memberId, @JstTerc, @StartOn, @EndOn, @SupportForm, @now, @by)
            ON CONFLICT (member_id) DO UPDATE SET support_start_on = excluded.support_start_on, support_end_on = excluded.support_end_on,
                support_form = excluded.support_form, support_set_at = excluded.support_set_at, support_set_by = excluded.support_set_by
            """, new { memberId, row.JstTerc, change.StartOn, change.EndOn, change.SupportForm, now = time.GetUtcNow().ToUniversalTime(), by = context.User.PersonId() });
        var saved = (await ParticipantRow.FindAsync(session, memberId))!;
        await session.CommitAsync();
        return TypedResults.Ok(ParticipantView.Of(saved));
    }
}
