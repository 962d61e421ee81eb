using System.Data;
using Cro.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace Cro.BuildingBlocks.Persistence;

/// <summary>
/// One unit of work against the service's database: a pooled connection, its transaction, and the JST scope that
/// row-level security enforces for the rest of it (<see cref="JstRowSecurity"/>). A handler asks for it as an endpoint
/// parameter and gets it opened with the caller's scope (<see cref="BindAsync"/>, scope from the service's
/// <see cref="IJstScopeSource"/>); code that knows the scope another way (an applicant's key, a background job) opens
/// one with <see cref="OpenAsync"/>. Nothing is written unless <see cref="CommitAsync"/> is called: a handler that
/// answers early with a refusal leaves the database as it was. Integration events go into the outbox on the same
/// transaction (Messaging's <c>EnqueueAsync</c>), so they exist exactly when the change they announce does.
/// <para>
/// Its query methods are Dapper's, with the transaction and the request's cancellation filled in.
/// </para>
/// </summary>
public sealed class DataSession : IAsyncDisposable
{
    private DataSession(NpgsqlConnection connection, NpgsqlTransaction transaction, JstScope scope, CancellationToken cancellation) =>
        (Connection, Transaction, Scope, Cancellation) = (connection, transaction, scope, cancellation);

    public NpgsqlConnection Connection { get; }
    public NpgsqlTransaction Transaction { get; }

    /// <summary>The JST whose rows this session sees and may write.</summary>
    public JstScope Scope { get; private set; }

    /// <summary>The request's (or job's) cancellation, used by every query of the session.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Opens a session whose scope is <paramref name="scope"/>.</summary>
    public static Task<DataSession> OpenAsync(NpgsqlDataSource db, JstScope scope, CancellationToken ct,
        IsolationLevel isolation = IsolationLevel.ReadCommitted) =>
        OpenAsync(db, (_, _) => ValueTask.FromResult(scope), ct, isolation);

    /// <summary>
    /// Opens a session whose scope <paramref name="resolve"/> decides inside its transaction, before the scope is set
    /// (it may read tables that row-level security does not cover, e.g. which JST a trainer trains).
    /// </summary>
    public static async Task<DataSession> OpenAsync(NpgsqlDataSource db, Func<NpgsqlTransaction, CancellationToken, ValueTask<JstScope>> resolve,
        CancellationToken ct, IsolationLevel isolation = IsolationLevel.ReadCommitted)
    {
        var connection = await db.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(isolation, ct);
            var scope = await resolve(transaction, ct);
            await transaction.SetJstScopeAsync(scope, ct);
            return new DataSession(connection, transaction, scope, ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Minimal APIs bind a <see cref="DataSession"/> parameter through this: opened with the signed-in caller's scope,
    /// disposed (rolled back unless committed) when the response ends. Read committed, or repeatable read where the
    /// parameter says <see cref="RepeatableReadAttribute"/>. A caller holding <see cref="Roles.EsfData"/> may also read
    /// special-category rows (<see cref="SpecialCategoryRowSecurity"/>).
    /// </summary>
    public static async ValueTask<DataSession?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var services = context.RequestServices;
        var source = services.GetService<IJstScopeSource>() ?? CallerJstScope.Instance;
        var isolation = parameter.IsDefined(typeof(RepeatableReadAttribute), inherit: false) ? IsolationLevel.RepeatableRead : IsolationLevel.ReadCommitted;
        var session = await OpenAsync(services.GetRequiredService<NpgsqlDataSource>(),
            (transaction, ct) => source.ScopeOfAsync(context.User, transaction, ct), context.RequestAborted, isolation);
        context.Response.RegisterForDisposeAsync(session);
        // Special-category data (SpecialCategoryRowSecurity) is readable by this one role only, whatever else the caller is.
        if (context.User.HasClaim(CroClaims.Role, Roles.EsfData))
        {
            await session.Transaction.AllowSpecialCategoriesAsync(session.Cancellation);
        }
        return session;
    }

    public Task CommitAsync() => Transaction.CommitAsync(Cancellation);

    /// <summary>Lets the rest of the session add (never read) <paramref name="subject"/>'s own special-category answers.</summary>
    public Task AllowOwnSpecialCategoryAnswersAsync(Guid subject) => Transaction.AllowOwnSpecialCategoryAnswersAsync(subject, Cancellation);

    /// <summary>
    /// Sets <paramref name="scope"/> for the rest of the session: narrower once the session has learnt whose rows it
    /// serves (the key of an applicant without an account names one JST), wider where the platform acts beyond the
    /// caller (a place a JST gives up goes to another JST's application). What was read or written before stays so.
    /// </summary>
    public async Task ChangeScopeAsync(JstScope scope)
    {
        await Transaction.SetJstScopeAsync(scope, Cancellation);
        Scope = scope;
    }

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null) => Connection.QueryAsync<T>(Command(sql, parameters));

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters = null) => Connection.QuerySingleAsync<T>(Command(sql, parameters));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public Task<T?> QueryFirstOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryFirstOrDefaultAsync<T>(Command(sql, parameters));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null) => Connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    public Task<int> ExecuteAsync(string sql, object? parameters = null) => Connection.ExecuteAsync(Command(sql, parameters));

    public Task<SqlMapper.GridReader> QueryMultipleAsync(string sql, object? parameters = null) =>
        Connection.QueryMultipleAsync(Command(sql, parameters));

    /// <summary>A Dapper command on this session, for the calls the shortcuts above do not cover.</summary>
    public CommandDefinition Command(string sql, object? parameters = null) =>
        new(sql, parameters, Transaction, cancellationToken: Cancellation);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}

/// <summary>
/// On a <see cref="DataSession"/> endpoint parameter: its transaction is REPEATABLE READ, so a read of several queries
/// (a cohort with its teams, people and sessions) sees the database as it was at one moment.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RepeatableReadAttribute : Attribute;

/// <summary>
/// How a service turns a caller into the JST scope of its <see cref="DataSession"/>s. Without one registered, the
/// caller's own scope applies (<see cref="JstScope.For"/>: operators every JST, a JST's team its JST). A service
/// registers its own when more people see JST data there (training's trainers see the JST they train).
/// </summary>
public interface IJstScopeSource
{
    /// <summary>Called inside the session's transaction before the scope is set.</summary>
    ValueTask<JstScope> ScopeOfAsync(System.Security.Claims.ClaimsPrincipal user, NpgsqlTransaction transaction, CancellationToken ct);
}

internal sealed class CallerJstScope : IJstScopeSource
{
    public static readonly CallerJstScope Instance = new();

    public ValueTask<JstScope> ScopeOfAsync(System.Security.Claims.ClaimsPrincipal user, NpgsqlTransaction transaction, CancellationToken ct) =>
        ValueTask.FromResult(JstScope.For(user));
}
