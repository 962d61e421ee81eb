using System.Text.RegularExpressions;

namespace Cro.BuildingBlocks.Persistence;

/// <summary>
/// Creates (or brings up to date) a service's database and its owner and application logins.
/// Runs as a superuser (or a role with CREATEROLE and CREATEDB) before any service starts.
/// Safe to run any number of times: passwords are reset to the given ones.
/// </summary>
public static partial class DatabaseProvisioner
{
    public static async Task EnsureAsync(string adminConnectionString, DatabaseLogins logins, CancellationToken ct = default)
    {
        if (!SafeName().IsMatch(logins.Database))
        {
            throw new ArgumentException($"'{logins.Database}' is not a plain lower-case database name.", nameof(logins));
        }

        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync(ct);

        await EnsureRoleAsync(connection, logins.OwnerRole, logins.OwnerPassword, ct);
        await EnsureRoleAsync(connection, logins.AppRole, logins.AppPassword, ct);

        var exists = await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", new { name = logins.Database });
        if (!exists)
        {
            // CREATE DATABASE cannot run inside a transaction or a DO block; two provisioners racing
            // here is harmless: the loser fails with duplicate_database, which we accept.
            try
            {
                await connection.ExecuteAsync($"CREATE DATABASE {logins.Database} OWNER {logins.OwnerRole}");
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
            }
        }

        await connection.ExecuteAsync($"""
            REVOKE ALL ON DATABASE {logins.Database} FROM PUBLIC;
            GRANT CONNECT, TEMPORARY ON DATABASE {logins.Database} TO {logins.AppRole};
            """);
    }

    private static async Task EnsureRoleAsync(NpgsqlConnection connection, string role, string password, CancellationToken ct)
    {
        var exists = await connection.ExecuteScalarAsync<bool>(
            new CommandDefinition("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @role)", new { role }, cancellationToken: ct));
        var verb = exists ? "ALTER" : "CREATE";
        // Role attributes cannot be bound as parameters; the name is checked above and the password quoted.
        await connection.ExecuteAsync(new CommandDefinition(
            $"{verb} ROLE {role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD {Quote(password)}",
            cancellationToken: ct));
    }

    private static string Quote(string literal) => "'" + literal.Replace("'", "''") + "'";

    [GeneratedRegex("^[a-z][a-z0-9_]{0,40}$")]
    private static partial Regex SafeName();
}
