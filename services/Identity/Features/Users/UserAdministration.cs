using System.Globalization;
using System.Text;
using Cro.Identity.Features.Audit;
using Dapper;
using FluentValidation;

namespace Cro.Identity.Features.Users;

/// <summary>
/// GET /api/identity/users (operators and administrators: who has an account, with which roles and
/// JST) and PUT /api/identity/users/{id}/access (administrators: change a person's roles and JST).
/// </summary>
public static class UserAdministration
{
    public sealed record Query(string? Q, string? Role, string? Jst, string? Cursor, int Limit = 50)
    {
        public const int MaxLimit = 200;
    }

    /// <summary>Settable members rather than a constructor: Dapper reads the roles array into a property, not a parameter.</summary>
    [OpenApiSchemaName("UserAccount")]
    public sealed record UserRow
    {
        public Guid Id { get; init; }
        public string FullName { get; init; } = "";
        public string Email { get; init; } = "";
        public string? JstTerc { get; init; }
        public string[] Roles { get; init; } = [];
        public bool TwoFactorEnabled { get; init; }
        public bool InvitationAccepted { get; init; }
        public bool LockedOut { get; init; }
        public bool Erased { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    [OpenApiSchemaName("UserPage")]
    public sealed record Page(IReadOnlyList<UserRow> Items, string? NextCursor);

    [OpenApiSchemaName("ChangeUserAccessRequest")]
    public sealed record AccessRequest(IReadOnlyList<string> Roles, string? JstTerc);

    public sealed class QueryValidator : AbstractValidator<Query>
    {
        public QueryValidator()
        {
            RuleFor(q => q.Q).MaximumLength(100)
                .WithMessage(_ => Text.Pick("Szukany tekst może mieć najwyżej 100 znaków.", "The search text may have at most 100 characters."));
            RuleFor(q => q.Role).Must(r => r is null || Roles.All.Contains(r))
                .WithMessage(_ => Text.Pick($"Nieznana rola. Dozwolone: {string.Join(", ", Roles.All)}.", $"Unknown role. Allowed: {string.Join(", ", Roles.All)}."));
            RuleFor(q => q.Limit).InclusiveBetween(1, Query.MaxLimit)
                .WithMessage(_ => KeysetCursor.LimitMessage(Query.MaxLimit));
            RuleFor(q => q.Cursor).Must(c => c is null || KeysetCursor.TryDecode(c, 2, out _))
                .WithMessage(_ => KeysetCursor.InvalidMessage);
        }
    }

    public sealed class AccessValidator : AbstractValidator<AccessRequest>
    {
        public AccessValidator()
        {
            RuleFor(r => r.Roles).NotEmpty()
                .WithMessage(_ => Text.Pick("Osoba musi mieć co najmniej jedną rolę.", "A person needs at least one role."));
            RuleForEach(r => r.Roles).Must(r => Roles.All.Contains(r))
                .WithMessage(_ => Text.Pick($"Nieznana rola. Dozwolone: {string.Join(", ", Roles.All)}.", $"Unknown role. Allowed: {string.Join(", ", Roles.All)}."));
            RuleFor(r => r.JstTerc).NotEmpty().Matches(JstCodes.Pattern).When(r => r.Roles.Any(Roles.OfJst.Contains))
                .WithMessage(_ => JstCodes.RequiredMessage);
            RuleFor(r => r.JstTerc).Empty().When(r => !r.Roles.Any(Roles.OfJst.Contains))
                .WithMessage(_ => JstCodes.OnlyForJstRolesMessage);
        }
    }

    public static RouteGroupBuilder MapUserAdministration(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Konta / Accounts");
        users.MapGet("/", ListAsync).WithName("ListUsers").Validate<Query>().RequireAuthorization(Policies.Operator)
            .Produces<Page>();
        users.MapGet("/{id:guid}", GetAsync).WithName("GetUser").RequireAuthorization(Policies.Operator)
            .Produces<UserRow>().ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPut("/{id:guid}/access", ChangeAccessAsync).WithName("ChangeUserAccess")
            .WithSummary("Zmień role i JST osoby / Change a person's roles and JST")
            .Validate<AccessRequest>().RequireAuthorization(Policies.Admin)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> GetAsync(Guid id, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            SelectUsers + """ AND u."Id" = @id GROUP BY u."Id" """, new { id }, cancellationToken: ct));
        return row is null ? ProblemDetailsDefaults.NotFound("Nie ma takiej osoby.", "There is no such person.") : TypedResults.Ok(row);
    }

    private const string SelectUsers = """
        SELECT u."Id" AS id, u."FullName" AS full_name, u."Email" AS email, u."JstTerc" AS jst_terc,
               coalesce(array_agg(r."Name" ORDER BY r."Name") FILTER (WHERE r."Name" IS NOT NULL), '{}') AS roles,
               u."TwoFactorEnabled" AS two_factor_enabled, u."PasswordHash" IS NOT NULL OR u."ErasedAt" IS NOT NULL AS invitation_accepted,
               coalesce(u."LockoutEnd" > now(), false) AS locked_out, u."ErasedAt" IS NOT NULL AS erased, u."CreatedAt" AS created_at
        FROM "AspNetUsers" u
        LEFT JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id"
        LEFT JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
        WHERE true
        """;

    private static async Task<IResult> ListAsync([AsParameters] Query query, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var sql = new StringBuilder(SelectUsers);
        string? afterName = null;
        Guid? afterId = null;
        if (KeysetCursor.TryDecode(query.Cursor, 2, out var key))
        {
            (afterName, afterId) = (key[0], Guid.Parse(key[1]));
            sql.Append(""" AND (u."FullName", u."Id") > (@afterName, @afterId)""");
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            sql.Append(""" AND (u."FullName" ILIKE @pattern OR u."Email" ILIKE @pattern)""");
        }
        if (query.Jst is not null)
        {
            sql.Append(""" AND u."JstTerc" LIKE @jstPrefix""");
        }
        if (query.Role is not null)
        {
            sql.Append(""" AND EXISTS (SELECT 1 FROM "AspNetUserRoles" fr JOIN "AspNetRoles" f ON f."Id" = fr."RoleId" WHERE fr."UserId" = u."Id" AND f."Name" = @role)""");
        }
        sql.Append(""" GROUP BY u."Id" ORDER BY u."FullName", u."Id" LIMIT @take""");
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<UserRow>(new CommandDefinition(sql.ToString(), new
        {
            afterName,
            afterId,
            pattern = $"%{EscapeLike(query.Q?.Trim() ?? "")}%",
            jstPrefix = $"{EscapeLike(query.Jst ?? "")}%",
            role = query.Role,
            take = query.Limit + 1,
        }, cancellationToken: ct))).ToList();
        var next = rows.Count > query.Limit ? KeysetCursor.Encode(rows[query.Limit - 1].FullName, rows[query.Limit - 1].Id.ToString()) : null;
        return TypedResults.Ok(new Page(rows.Take(query.Limit).ToList(), next));
    }

    private static async Task<IResult> ChangeAccessAsync(Guid id, AccessRequest request, HttpContext context, UserManager<User> users,
        IdentityDb db, AuditLog audit, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || user.ErasedAt is not null)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiej osoby.", "There is no such person.");
        }
        var before = await users.GetRolesAsync(user);
        var after = request.Roles.Distinct().ToList();
        if (context.User.PersonId() == id && before.Contains(Roles.Admin) && !after.Contains(Roles.Admin))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: Text.Pick("Nie można.", "Not possible."),
                detail: Text.Pick("Nie możesz odebrać sobie roli administratora: poproś o to innego administratora.",
                    "You cannot remove your own administrator role: ask another administrator."));
        }
        var jstBefore = user.JstTerc;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        (await users.RemoveFromRolesAsync(user, before.Except(after))).ThrowIfFailed();
        (await users.AddToRolesAsync(user, after.Except(before))).ThrowIfFailed();
        user.JstTerc = request.JstTerc;
        // A new security stamp ends the person's sessions, so the change reaches their next token at once.
        (await users.UpdateSecurityStampAsync(user)).ThrowIfFailed();
        await audit.AppendAsync(AuditActions.RolesChanged, user.Id,
            detail: new { rolesBefore = before.Order(), rolesAfter = after.Order(), jstBefore, jstAfter = request.JstTerc },
            transaction: transaction.Npgsql(), ct: ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
