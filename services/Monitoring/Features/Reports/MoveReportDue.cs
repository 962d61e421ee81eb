namespace Cro.Monitoring.Features.Reports;

/// <summary>
/// PUT /api/monitoring/reports/{id}/due-date — ORE moves one report's due day (an extension for a JST, or a period's
/// deadline set by other rules): not before the period's last day (400), and only while the report has never been
/// submitted (409). The due moment is the end of the new day in Warsaw. A report already found overdue keeps that record
/// (ReportOverdue is announced once per report) but leaves the overdue list and gets no reminders until the new moment
/// passes. The move is kept in the report's history.
/// </summary>
public static class MoveReportDue
{
    [OpenApiSchemaName("ReportDueDateRequest")]
    public sealed record DueDateRequest([property: FieldLabel("Termin złożenia sprawozdania", "The report's due day")] DateOnly? DueOn);

    public sealed class Validator : AbstractValidator<DueDateRequest>
    {
        public Validator() => RuleFor(r => r.DueOn).NotNull()
            .WithMessage(_ => Text.Pick("Podaj nowy termin złożenia sprawozdania.", "Give the report's new due day."));
    }

    public static RouteHandlerBuilder MapMoveReportDue(this IEndpointRouteBuilder api) => api
        .MapPut("/reports/{id:guid}/due-date", HandleAsync)
        .WithName("MoveReportDueDate").WithSummary("Zmień termin złożenia sprawozdania / Move the report's due day")
        .Validate<DueDateRequest>().Produces<ReportView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.Operator);

    private static async Task<IResult> HandleAsync(Guid id, DueDateRequest request, HttpContext context, DataSession session, TimeProvider time)
    {
        if (await ReportRow.FindAsync(session, id, forUpdate: true) is not { } report)
        {
            return ReportRow.NotFound();
        }
        if (report.FirstSubmittedAt is not null)
        {
            return Problems.Conflict("Sprawozdanie zostało już przesłane.", "The report has been submitted already.",
                "Termin zmienia się sprawozdaniu, którego zespół jeszcze nie przesłał.", "The due day is moved for a report the team has not submitted yet.");
        }
        var dueOn = request.DueOn!.Value;
        if (dueOn < report.EndsOn)
        {
            return Problems.Field("dueOn", $"Termin nie może być przed końcem okresu ({report.EndsOn:yyyy-MM-dd}).",
                $"The due day cannot be before the period's end ({report.EndsOn:yyyy-MM-dd}).");
        }
        var now = time.GetUtcNow();
        await session.ExecuteAsync("UPDATE reports SET due_on = @dueOn, due_at = @dueAt WHERE id = @id",
            new { id, dueOn, dueAt = ReportingSchedule.DueMoment(dueOn).ToUniversalTime() });
        await report.RecordAsync(session, ReportAction.DueMoved, report.Round, $"{report.DueOn:yyyy-MM-dd} → {dueOn:yyyy-MM-dd}", context.User.PersonId(), now);
        var view = (await ReportView.FindAsync(session, id, now))!;
        await session.CommitAsync();
        return TypedResults.Ok(view);
    }
}
