namespace Cro.BuildingBlocks.Tests;

/// <summary>An integration event of the tests alone.</summary>
public sealed record SomethingHappened : IIntegrationEvent
{
    public required Guid Key { get; init; }
}

/// <summary>Records each message it applies; the inbox makes it idempotent.</summary>
public sealed class RecordingConsumer(NpgsqlDataSource dataSource) : InboxConsumer<SomethingHappened>(dataSource)
{
    protected override Task HandleAsync(SomethingHappened message, DataSession session) =>
        session.ExecuteAsync("INSERT INTO received (key) VALUES (@Key)", message);
}
