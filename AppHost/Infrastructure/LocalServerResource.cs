namespace Cro.AppHost.Infrastructure;

/// <summary>A server binary of this machine (PostgreSQL, RabbitMQ) that the AppHost runs and other resources connect to.</summary>
public sealed class LocalServerResource(string name, string command, string workingDirectory, ReferenceExpression connectionString)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public ReferenceExpression ConnectionStringExpression { get; } = connectionString;
}
