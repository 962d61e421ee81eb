using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Cro.Recruitment.Features.Applications;
using Cro.Recruitment.Features.Decisions;
using FluentValidation;

namespace Cro.Recruitment.Features.TaskTeams;

/// <summary>
/// POST /api/recruitment/applications/{id}/team/replacements — after acceptance the JST's coordinator
/// (or an operator) replaces a member: the member leaves (the row stays, with the time they left), the
/// new person joins, and the team keeps its size; a coordinator is replaced by a new coordinator.
/// TeamMemberLeft and TeamMemberJoined leave through the outbox.
/// </summary>
public static class ReplaceTeamMember
{
    public sealed record ReplaceTeamMemberRequest(Guid MemberId, TeamMemberInput Replacement);

    public sealed class Validator : AbstractValidator<ReplaceTeamMemberRequest>
    {
        public Validator() => RuleFor(r => r.Replacement).NotNull().SetValidator(new TeamMemberValidator());
    }

    public static RouteHandlerBuilder MapReplaceTeamMember(this IEndpointRouteBuilder api) => api
        .MapPost("/applications/{id:guid}/team/replacements", HandleAsync)
        .WithName("ReplaceTeamMember")
        .WithSummary("Zmiana osoby w zespole zadaniowym / Replace a task team member")
        .Validate<ReplaceTeamMemberRequest>()
        .Produces<ApplicationView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.Person);

    private static Task<IResult> HandleAsync(Guid id, ReplaceTeamMemberRequest request, HttpContext context, NpgsqlDataSource db, TimeProvider time) =>
        ApplicationAccess.WithAsync(context, db, id, async access =>
        {
            if (CoordinatorOrOperator.Refusal(context.User, access.Application.JstTerc) is { } notAllowed)
            {
                return notAllowed;
            }
            var application = access.Application;
            var leaving = application.Team.SingleOrDefault(m => m.Id == request.MemberId);
            if (application.Status != ApplicationStatus.Accepted || leaving is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Nie można zmienić zespołu.", "The team cannot change."),
                    detail: leaving is null
                        ? Text.Pick("Tej osoby nie ma w obecnym składzie zespołu.", "This person is not in the team now.")
                        : Text.Pick("Skład zespołu zmienia się po przyjęciu wniosku.", "The team changes after the application is accepted."));
            }
            if (leaving.IsCoordinator != request.Replacement.IsCoordinator)
            {
                return ProblemDetailsDefaults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["replacement.isCoordinator"] = [Text.Pick("Koordynatora zastępuje nowy koordynator, członka zespołu — nowy członek.",
                        "A coordinator is replaced by a new coordinator, a member by a new member.")],
                });
            }
            var now = time.GetUtcNow();
            var joined = Guid.CreateVersion7();
            var replacement = request.Replacement;
            try
            {
                await access.Session.ExecuteAsync("""
                    UPDATE team_members SET left_at = @now, live = false WHERE id = @MemberId;
                    INSERT INTO team_members (id, application_id, round_id, jst_terc, ordinal, full_name, email, position, phone, sex, is_coordinator, live, joined_at)
                    SELECT @joined, @id, round_id, jst_terc, (SELECT max(ordinal) + 1 FROM team_members WHERE application_id = @id),
                           @FullName, @Email, @Position, @Phone, @Sex, @IsCoordinator, true, @now
                    FROM team_members WHERE id = @MemberId;
                    """, new
                {
                    request.MemberId, id, joined, now, FullName = replacement.FullName.Trim(), Email = replacement.Email.Trim(),
                    Position = replacement.Position.Trim(), Phone = string.IsNullOrWhiteSpace(replacement.Phone) ? null : replacement.Phone.Trim(),
                    replacement.Sex, replacement.IsCoordinator,
                });
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Nie można zmienić zespołu.", "The team cannot change."),
                    detail: Text.Pick("Ta osoba jest już w zespole wniosku w tym naborze (ten sam adres e-mail).",
                        "This person is already in an application's team in this round (the same e-mail address)."));
            }
            await access.Session.EnqueueAsync(new TeamMemberLeft
            {
                ApplicationId = id, RoundId = application.RoundId, JstTerc = application.JstTerc, MemberId = leaving.Id, Email = leaving.Email, LeftAt = now,
            });
            await access.Session.EnqueueAsync(new TeamMemberJoined
            {
                ApplicationId = id, RoundId = application.RoundId, JstTerc = application.JstTerc, JstName = application.JstName, JoinedAt = now,
                Member = new TaskTeamMember
                {
                    MemberId = joined, FullName = replacement.FullName.Trim(), Email = replacement.Email.Trim(), Position = replacement.Position.Trim(),
                    Sex = replacement.Sex, IsCoordinator = replacement.IsCoordinator,
                },
            });
            var view = await access.ViewAsync();
            await access.Session.CommitAsync();
            return TypedResults.Ok(view);
        });
}
