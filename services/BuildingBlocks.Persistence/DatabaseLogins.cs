namespace Cro.BuildingBlocks.Persistence;

/// <summary>
/// A service's database and its two logins: the owner runs migrations and owns the tables;
/// the application role reads and writes rows and owns nothing.
/// </summary>
public sealed record DatabaseLogins(string Database, string OwnerPassword, string AppPassword)
{
    public string OwnerRole => $"{Database}_owner";
    public string AppRole => $"{Database}_app";

    public string OwnerConnectionString(string serverConnectionString) => For(serverConnectionString, OwnerRole, OwnerPassword);
    public string AppConnectionString(string serverConnectionString) => For(serverConnectionString, AppRole, AppPassword);

    private string For(string serverConnectionString, string user, string password) =>
        new NpgsqlConnectionStringBuilder(serverConnectionString)
        {
            Database = Database,
            Username = user,
            Password = password,
        }.ConnectionString;
}
