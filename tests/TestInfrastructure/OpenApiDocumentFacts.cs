namespace Cro.Tests.Infrastructure;

/// <summary>
/// What every service's OpenAPI document must hold, as facts of the service's own OpenApiDocumentTests, which derive
/// from this and add the real calls that hold the document against the service's answers.
/// </summary>
public abstract class OpenApiDocumentFacts(string service)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A client of the service without a token, as anyone fetches the document.</summary>
    protected abstract HttpClient Anonymous { get; }

    protected Task<ServedOpenApiDocument> DocumentAsync() => ServedOpenApiDocument.FetchAsync(Anonymous, service, Ct);

    [Fact]
    public async Task Every_schema_is_named_once_every_operation_says_who_may_call_it_and_numbers_are_numbers() =>
        (await DocumentAsync()).AssertWellFormed();

    [Fact]
    public async Task The_served_document_is_the_committed_one() => (await DocumentAsync()).AssertIsCommitted();
}
