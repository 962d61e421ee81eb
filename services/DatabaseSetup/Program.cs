using Cro.BuildingBlocks.Persistence;
using Microsoft.Extensions.Configuration;

// Creates each service's database with its owner login (runs the migrations) and its application
// login (reads and writes rows, owns nothing). Runs before the services: the AppHost waits for it
// to finish; in Kubernetes it is a Job. Configuration:
//   ConnectionStrings:postgres                       a superuser (or CREATEDB + CREATEROLE) login
//   Databases:{name}:OwnerPassword / AppPassword     one entry per service database
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var admin = configuration.GetConnectionString("postgres")
    ?? throw new InvalidOperationException("ConnectionStrings:postgres is not configured.");

var databases = configuration.GetSection("Databases").GetChildren().ToList();
if (databases.Count == 0)
{
    throw new InvalidOperationException("No Databases:{name} section is configured.");
}

foreach (var database in databases)
{
    var logins = new DatabaseLogins(database.Key,
        database["OwnerPassword"] ?? throw new InvalidOperationException($"Databases:{database.Key}:OwnerPassword is missing."),
        database["AppPassword"] ?? throw new InvalidOperationException($"Databases:{database.Key}:AppPassword is missing."));
    await DatabaseProvisioner.EnsureAsync(admin, logins);
    Console.WriteLine($"Database {logins.Database} ready (owner {logins.OwnerRole}, application login {logins.AppRole}).");
}
