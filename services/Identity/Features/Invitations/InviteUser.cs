using Cro.Identity.Features.Users;
using FluentValidation;

namespace Cro.Identity.Features.Invitations;

/// <summary>
/// POST /api/identity/invitations — an operator or administrator invites a person: the account is
/// created without a password, and InvitationIssued (with the link) leaves through the outbox in the
/// same transaction; the notifications worker e-mails it. Only administrators invite administrators
/// and operators.
/// </summary>
public static class InviteUser
{
    /// <param name="JstName">The JST's name as the registry has it (the web looks it up), so the invitation mail names the JST.</param>
    public sealed record InviteUserRequest(string Email, string FullName, string Role, string? JstTerc, string? JstName = null);

    public sealed record InviteUserResponse(Guid UserId, DateTimeOffset ExpiresAt);

    public sealed class Validator : AbstractValidator<InviteUserRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Email).MailAddress();
            RuleFor(r => r.FullName).NotEmpty().MaximumLength(200)
                .WithMessage(_ => Text.Pick("Podaj imię i nazwisko (do 200 znaków).", "Give the full name (up to 200 characters)."));
            RuleFor(r => r.Role).Must(r => Roles.All.Contains(r))
                .WithMessage(_ => Text.Pick($"Nieznana rola. Dozwolone: {string.Join(", ", Roles.All)}.", $"Unknown role. Allowed: {string.Join(", ", Roles.All)}."));
            RuleFor(r => r.JstTerc).NotEmpty().Matches(JstCodes.Pattern).When(r => Roles.OfJst.Contains(r.Role))
                .WithMessage(_ => JstCodes.RequiredMessage);
            RuleFor(r => r.JstName).MaximumLength(200);
            RuleFor(r => r.JstTerc).Empty().When(r => !Roles.OfJst.Contains(r.Role))
                .WithMessage(_ => JstCodes.OnlyForJstRolesMessage);
        }
    }

    public static RouteGroupBuilder MapInviteUser(this RouteGroupBuilder api)
    {
        api.MapPost("/invitations", HandleAsync)
            .WithName("InviteUser")
            .WithTags("Konta / Accounts")
            .WithSummary("Zaproś osobę / Invite a person")
            .Validate<InviteUserRequest>()
            .Produces<InviteUserResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> HandleAsync(InviteUserRequest request, HttpContext context, UserManager<User> users, IdentityDb db,
        IConfiguration configuration, AccountInvitations invitations, CancellationToken ct)
    {
        if (request.Role is Roles.Admin or Roles.Operator && !context.User.HasClaim(CroClaims.Role, Roles.Admin))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: Text.Pick("Brak uprawnień.", "Not allowed."),
                detail: Text.Pick("Administratorów i operatorów zaprasza tylko administrator.", "Only an administrator invites administrators and operators."));
        }
        var email = request.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: Text.Pick("Konto już istnieje.", "The account exists."),
                detail: Text.Pick($"Konto z adresem {email} już istnieje.", $"An account with the address {email} exists."));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (user, expiresAt) = await invitations.InviteAsync(transaction, PublicAddress.Of(configuration, context.Request),
            email, request.FullName.Trim(), request.Role, request.JstTerc, ct,
            jstName: Roles.OfJst.Contains(request.Role) && !string.IsNullOrWhiteSpace(request.JstName) ? request.JstName.Trim() : null);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/identity/users/{user.Id}", new InviteUserResponse(user.Id, expiresAt));
    }
}
