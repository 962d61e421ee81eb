namespace Cro.Recruitment.Features.Applications;

/// <summary>
/// Opens one application for a request, in a <see cref="DataSession"/> whose JST scope row-level security
/// enforces: with the draft's key (the applicant, no account yet) the scope is that application's JST;
/// signed in, it is the caller's (their own JST's team, operators every JST). Anything else sees no row,
/// which answers 404 whether the application exists or not. Handlers read and write through
/// <see cref="Session"/> and commit it; what they do not commit is rolled back.
/// </summary>
internal sealed class ApplicationAccess
{
    private ApplicationAccess(DataSession session, ApplicationRow application, bool viaKey) =>
        (Session, Application, ViaKey) = (session, application, viaKey);

    public DataSession Session { get; }
    public ApplicationRow Application { get; }

    /// <summary>Opened with the draft's key: the applicant, who may change and submit the draft.</summary>
    public bool ViaKey { get; }

    /// <summary>Runs <paramref name="handle"/> with the application opened for this request, or answers why it cannot be opened.</summary>
    public static async Task<IResult> WithAsync(HttpContext context, NpgsqlDataSource db, Guid id, Func<ApplicationAccess, Task<IResult>> handle)
    {
        var key = context.Request.Headers[ApplicationKey.Header].ToString();
        var viaKey = key.Length > 0;
        if (!viaKey && context.User.Identity?.IsAuthenticated != true)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: Text.Pick("Brak dostępu.", "No access."),
                detail: Text.Pick($"Otwórz wniosek łączem z wiadomości e-mail (klucz w nagłówku {ApplicationKey.Header}) albo zaloguj się.",
                    $"Open the application with the e-mailed link (the key in the {ApplicationKey.Header} header), or sign in."));
        }
        // The key's application is looked for before its JST is known, so over every JST; the key's hash is part of
        // the query (no key, no row), and the scope narrows to what the key opens at once.
        await using var session = await DataSession.OpenAsync(db, viaKey ? JstScope.All : JstScope.For(context.User), context.RequestAborted);
        if (viaKey)
        {
            var terc = await ApplicationStore.JstOpenedByKeyAsync(session, id, key);
            await session.ChangeScopeAsync(terc is null ? JstScope.None : JstScope.Of([terc]));
        }
        if (await ApplicationStore.FindAsync(session, id) is not { } application)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego wniosku albo nie masz do niego dostępu.",
                "There is no such application, or you have no access to it.");
        }
        return await handle(new ApplicationAccess(session, application, viaKey));
    }

    /// <summary>Re-reads the application after a change, in the same session.</summary>
    public async Task<ApplicationView> ViewAsync() => (await ApplicationStore.FindAsync(Session, Application.Id))!.ToView();
}
