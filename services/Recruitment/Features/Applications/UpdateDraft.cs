namespace Cro.Recruitment.Features.Applications;

/// <summary>PUT /api/recruitment/applications/{id} — the applicant saves the draft again (with the key from the e-mailed link).</summary>
public static class UpdateDraft
{
    public static RouteHandlerBuilder MapUpdateDraft(this IEndpointRouteBuilder api) => api
        .MapPut("/applications/{id:guid}", HandleAsync)
        .WithName("UpdateApplicationDraft")
        .WithSummary("Zapisz szkic wniosku / Save the application draft")
        .Validate<ApplicationForm>()
        .Produces<ApplicationView>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithApplicationKey()
        .AllowAnonymous();

    private static Task<IResult> HandleAsync(Guid id, ApplicationForm form, HttpContext context, NpgsqlDataSource db, TimeProvider time) =>
        ApplicationAccess.WithAsync(context, db, id, async access =>
        {
            var application = access.Application;
            if (DraftRefusal(access) is { } notEditable)
            {
                return notEditable;
            }
            if (form.JstTerc != application.JstTerc)
            {
                return ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["jstTerc"] = [Text.Pick("Wniosek dotyczy JST wybranej na początku; dla innej JST rozpocznij nowy wniosek.",
                        "An application is for the JST chosen at its start; start a new one for another JST.")],
                });
            }
            var now = time.GetUtcNow();
            await ApplicationStore.UpdateFormAsync(access.Session, id, form, now);
            await ApplicationStore.ReplaceTeamAsync(access.Session, id, application.RoundId, application.JstTerc, form.Team ?? [], now);
            var view = await access.ViewAsync();
            await access.Session.CommitAsync();
            return TypedResults.Ok(view);
        });

    /// <summary>Only the applicant (with the key) changes an application, and only while it is a draft.</summary>
    internal static IResult? DraftRefusal(ApplicationAccess access) =>
        !access.ViaKey
            ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Text.Pick("Brak uprawnień.", "Not allowed."),
                detail: Text.Pick("Szkic zmienia się łączem z wiadomości e-mail.", "A draft is changed through the e-mailed link."))
            : access.Application.Status != ApplicationStatus.Draft
                ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Wniosek złożony.", "Application submitted."),
                    detail: Text.Pick("Złożonego wniosku nie można już zmieniać.", "A submitted application can no longer be changed."))
                : null;
}
