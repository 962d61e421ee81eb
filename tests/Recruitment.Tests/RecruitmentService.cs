namespace Cro.Recruitment.Tests;

/// <summary>The recruitment service in-process on a fresh database; started once per test class.</summary>
public sealed class RecruitmentService : IAsyncLifetime
{
    private ServiceFactory<Program>? _factory;

    public ServiceFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The service did not start.");
    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await ServiceFactory<Program>.StartAsync("recruitment", testServices: services => services.AcceptTestTokens());
        Client = Factory.CreateClient();
    }

    /// <summary>A client carrying <paramref name="token"/> (see <see cref="TestTokens"/>).</summary>
    public HttpClient ClientWith(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = TestTokens.Bearer(token);
        return client;
    }

    public HttpClient Operator() => ClientWith(TestTokens.Person(Guid.CreateVersion7(), ["operator"]));

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
