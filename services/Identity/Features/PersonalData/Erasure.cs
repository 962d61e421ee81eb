using Cro.Contracts;
using Cro.Identity.Features.Advisors;
using Cro.Identity.Features.Audit;
using Dapper;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Cro.Identity.Features.PersonalData;

/// <summary>
/// The right to erasure (RODO art. 17). A person asks; an operator (never the same person) carries it
/// out: the account is pseudonymised in place, so references from elsewhere stay valid and indicators
/// keep counting, every token is revoked, and PersonErased tells the other services to do the same
/// with their rows.
/// </summary>
public static class Erasure
{
    public const string ErasedName = ErasedPerson.Name;

    [OpenApiSchemaName("RequestErasureRequest")]
    public sealed record ErasureRequest(string? Reason);

    /// <summary>The request now waiting for an operator.</summary>
    public sealed record ErasureRequested(Guid Id);

    [OpenApiSchemaName("PendingErasureRequest")]
    public sealed record PendingRequest(Guid Id, Guid UserId, string FullName, string Email, DateTimeOffset RequestedAt, string? Reason);

    public sealed class RequestValidator : AbstractValidator<ErasureRequest>
    {
        public RequestValidator() => RuleFor(r => r.Reason).MaximumLength(2000)
            .WithMessage(_ => Text.Pick("Uzasadnienie może mieć do 2000 znaków.", "The reason may have up to 2000 characters."));
    }

    public static RouteGroupBuilder MapErasure(this RouteGroupBuilder api)
    {
        api.MapPost("/me/erasure-request", RequestAsync).WithName("RequestErasure").WithTags("RODO")
            .WithSummary("Żądanie usunięcia moich danych / Ask to erase my data")
            .Validate<ErasureRequest>().RequireAuthorization(Policies.Person)
            .Produces<ErasureRequested>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/erasure-requests", PendingAsync).WithName("PendingErasureRequests").WithTags("RODO")
            .RequireAuthorization(Policies.Operator)
            .Produces<IReadOnlyList<PendingRequest>>();
        api.MapPost("/erasure-requests/{id:guid}/execute", ExecuteAsync).WithName("ExecuteErasure").WithTags("RODO")
            .WithSummary("Usuń dane osoby / Erase the person's data").RequireAuthorization(Policies.Operator)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> RequestAsync(ErasureRequest request, HttpContext context, IdentityDb db, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var userId = context.User.PersonId()!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = transaction.Npgsql().Connection!;
        var id = Guid.CreateVersion7();
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO erasure_requests (id, user_id, requested_at, reason) VALUES (@id, @userId, @now, @reason)
            ON CONFLICT (user_id) WHERE executed_at IS NULL DO NOTHING
            """, new { id, userId, now = time.GetUtcNow(), reason = request.Reason?.Trim() }, transaction.Npgsql(), cancellationToken: ct));
        if (inserted == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Text.Pick("Żądanie już złożone.", "Already requested."),
                detail: Text.Pick("Twoje żądanie usunięcia danych czeka na realizację.", "Your erasure request is waiting to be carried out."));
        }
        await audit.AppendAsync(AuditActions.ErasureRequested, userId, subject: id.ToString(), transaction: transaction.Npgsql(), ct: ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Accepted($"/api/identity/erasure-requests/{id}", new ErasureRequested(id));
    }

    private static async Task<IResult> PendingAsync(IdentityDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var rows = await connection.QueryAsync<PendingRequest>(new CommandDefinition(
            """
            SELECT r.id, r.user_id, u."FullName" AS full_name, u."Email" AS email, r.requested_at, r.reason
            FROM erasure_requests r JOIN "AspNetUsers" u ON u."Id" = r.user_id
            WHERE r.executed_at IS NULL ORDER BY r.requested_at
            """, cancellationToken: ct));
        return TypedResults.Ok(rows.ToList());
    }

    private static async Task<IResult> ExecuteAsync(Guid id, HttpContext context, IdentityDb db, UserManager<User> users,
        IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, AuditLog audit, TimeProvider time, CancellationToken ct)
    {
        var operatorId = context.User.PersonId();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = transaction.Npgsql().Connection!;
        var userId = await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
            "SELECT user_id FROM erasure_requests WHERE id = @id AND executed_at IS NULL FOR UPDATE",
            new { id }, transaction.Npgsql(), cancellationToken: ct));
        if (userId is null)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma oczekującego żądania o tym identyfikatorze.", "There is no pending request with this id.");
        }
        if (userId == operatorId)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Text.Pick("Brak uprawnień.", "Not allowed."),
                detail: Text.Pick("Żądanie dotyczące Ciebie realizuje inny operator.", "Another operator carries out a request about you."));
        }
        var user = await users.FindByIdAsync(userId.Value.ToString());
        var now = time.GetUtcNow();
        var email = user!.Email;
        Pseudonymise(user, now);
        (await users.UpdateAsync(user!)).ThrowIfFailed();
        // Authenticator key, recovery codes, external logins and claims go; the roles and the JST stay for the counts.
        await db.UserTokens.Where(t => t.UserId == user!.Id).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == user!.Id).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == user!.Id).ExecuteDeleteAsync(ct);
        await AdvisedJst.ForgetAsync(transaction.Npgsql(), user.Id, email, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE erasure_requests SET executed_at = @now, executed_by = @operatorId, reason = NULL WHERE id = @id",
            new { id, now, operatorId }, transaction.Npgsql(), cancellationToken: ct));
        await transaction.EnqueueAsync(new PersonErased { UserId = user.Id, ErasedAt = now, Email = email }, ct);
        await audit.AppendAsync(AuditActions.ErasureExecuted, user.Id, subject: id.ToString(), transaction: transaction.Npgsql(), ct: ct);
        await transaction.CommitAsync(ct);

        // Refresh tokens and grants die with the account; access tokens end within their 10 minutes.
        await tokens.RevokeBySubjectAsync(user.Id.ToString(), ct);
        await authorizations.RevokeBySubjectAsync(user.Id.ToString(), ct);
        return TypedResults.NoContent();
    }

    private static void Pseudonymise(User user, DateTimeOffset now)
    {
        var placeholder = $"usunieta-{user.Id:N}@usunieto.invalid";
        user.FullName = ErasedName;
        user.Email = user.UserName = placeholder;
        user.NormalizedEmail = user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.PhoneNumber = null;
        user.PasswordHash = null;
        user.EmailConfirmed = false;
        user.TwoFactorEnabled = false;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ErasedAt = now;
    }
}
