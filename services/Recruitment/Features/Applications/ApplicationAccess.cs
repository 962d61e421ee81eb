using Cro.BuildingBlocks.Persistence;
using Cro.ServiceDefaults;
using Cro.ServiceDefaults.Security;
using Npgsql;

namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// Opens one application for a request, inside a transaction whose JST scope row-level security
/// enforces: with the draft's key (the applicant, no account yet) the scope is that application's JST;
/// signed in, it is the caller's (their own JST's team, operators every JST). Anything else sees no row,
/// which answers 404 whether the application exists or not.
/// </summary>
internal sealed class ApplicationAccess : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private ApplicationAccess(NpgsqlConnection connection, NpgsqlTransaction transaction, ApplicationRow application, bool viaKey) =>
        (_connection, Transaction, Application, ViaKey) = (connection, transaction, application, viaKey);

    public NpgsqlTransaction Transaction { get; }
    public ApplicationRow Application { get; }

    /// <summary>Opened with the draft's key: the applicant, who may change and submit the draft.</summary>
    public bool ViaKey { get; }

    private static async Task<(ApplicationAccess? Access, IResult? Refusal)> OpenAsync(HttpContext context, NpgsqlDataSource db, Guid id, CancellationToken ct)
    {
        var key = context.Request.Headers[ApplicationKey.Header].ToString();
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        if (key.Length == 0 && !signedIn)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: Text.Pick("Brak dostępu.", "No access."),
                detail: Text.Pick($"Otwórz wniosek łączem z wiadomości e-mail (klucz w nagłówku {ApplicationKey.Header}) albo zaloguj się.",
                    $"Open the application with the e-mailed link (the key in the {ApplicationKey.Header} header), or sign in.")));
        }
        var connection = await db.OpenConnectionAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        var scope = JstScope.For(context.User);
        if (key.Length > 0)
        {
            var terc = await ApplicationStore.JstOpenedByKeyAsync(transaction, id, key, ct);
            scope = terc is null ? JstScope.None : JstScope.Of([terc]);
        }
        await transaction.SetJstScopeAsync(scope, ct);
        var application = await ApplicationStore.FindAsync(transaction, id, ct);
        if (application is null)
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            return (null, ProblemDetailsDefaults.NotFound("Nie ma takiego wniosku albo nie masz do niego dostępu.",
                "There is no such application, or you have no access to it."));
        }
        return (new ApplicationAccess(connection, transaction, application, key.Length > 0), null);
    }

    /// <summary>Runs <paramref name="handle"/> with the application opened for this request, or answers why it cannot be opened.</summary>
    public static async Task<IResult> WithAsync(HttpContext context, NpgsqlDataSource db, Guid id, Func<ApplicationAccess, Task<IResult>> handle,
        CancellationToken ct)
    {
        var (access, refusal) = await OpenAsync(context, db, id, ct);
        if (access is null)
        {
            return refusal!;
        }
        await using (access)
        {
            return await handle(access);
        }
    }

    /// <summary>Re-reads the application after a change, in the same transaction.</summary>
    public async Task<ApplicationView> ViewAsync(CancellationToken ct) => (await ApplicationStore.FindAsync(Transaction, Application.Id, ct))!.ToView();

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
