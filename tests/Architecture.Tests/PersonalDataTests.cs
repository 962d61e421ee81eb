using System.Text.Json;
using System.Text.RegularExpressions;
using Cro.Contracts;
using Cro.Tests.Infrastructure;
using MassTransit;

namespace Cro.Architecture.Tests;

/// <summary>
/// RODO, complete: every service the AppHost runs that stores personal data serves its part of "Moje dane" (a
/// <c>…/me/personal-data</c> path in its OpenAPI document, called by the web's download) and erases the person on
/// <see cref="PersonErased"/>. The services
/// are read from AppHost.cs, not listed here, so a new service is checked the day it is added to the platform.
/// </summary>
public sealed partial class PersonalDataTests
{
    public static TheoryData<string> Services => [.. AppHostServices()];

    [Fact]
    public void The_AppHost_is_read_and_the_services_holding_personal_data_are_found()
    {
        var services = AppHostServices();

        // A guard on the reading itself: a regex that stopped matching would make every other test here pass on nothing.
        Assert.Contains("Identity", services);
        Assert.Contains("Training", services);
        Assert.Contains("Gateway", services);
        Assert.True(StoresPersonalData("Training"), "training's participants have names and addresses");
        Assert.False(StoresPersonalData("Gateway"), "the gateway has no database");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_storing_personal_data_serves_its_part_of_the_export(string service)
    {
        if (!StoresPersonalData(service))
        {
            return;
        }
        var document = OpenApiDocument(service);

        Assert.True(File.Exists(document),
            $"{service} stores personal data ({string.Join(", ", PersonalColumns(service))}) but has no OpenAPI document at {document}.");
        using var openApi = JsonDocument.Parse(File.ReadAllText(document));
        var exports = openApi.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.EndsWith("/me/personal-data", StringComparison.Ordinal) && path.Value.TryGetProperty("get", out _))
            .Select(path => path.Name)
            .ToList();
        Assert.True(exports.Count == 1,
            $"{service} stores personal data ({string.Join(", ", PersonalColumns(service))}) but serves no GET …/me/personal-data " +
            $"(found: {string.Join(", ", exports)}): its part is missing from \"Moje dane\".");

        // The web's client method for the export is named after the operation (NSwag: operationId + Async).
        var operation = openApi.RootElement.GetProperty("paths").GetProperty(exports[0]).GetProperty("get").GetProperty("operationId").GetString();
        var download = File.ReadAllText(Path.Combine(ProjectFolder("Web"), "Account", "PersonalDataDownload.cs"));
        Assert.True(download.Contains($".{operation}Async(", StringComparison.Ordinal),
            $"{service} serves {exports[0]}, but the web's \"Moje dane\" download (Web/Account/PersonalDataDownload.cs) does not call {operation}Async: " +
            "the person's file would miss this service's part.");
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_service_storing_personal_data_erases_the_person_on_PersonErased(string service)
    {
        if (!StoresPersonalData(service))
        {
            return;
        }
        var consumers = Platform.Assembly(service).GetTypes()
            .Where(type => !type.IsAbstract && typeof(IConsumer<PersonErased>).IsAssignableFrom(type))
            .ToList();

        // Identity is where an erasure is executed: it erases its own rows in the transaction that publishes PersonErased
        // (through the outbox), so it raises the event rather than consuming it. Any other service must consume it.
        var raisesIt = SourceFiles(service).Any(file => File.ReadAllText(file).Contains("new PersonErased", StringComparison.Ordinal));
        Assert.True(consumers.Count > 0 || raisesIt,
            $"{service} stores personal data ({string.Join(", ", PersonalColumns(service))}) but has no consumer of PersonErased: " +
            "an erased person's name and address would stay there.");
    }

    /// <summary>
    /// The services AppHost.cs declares (<c>Service&lt;Projects.X&gt;("x")</c>, <c>Api&lt;Projects.X&gt;("x")</c>,
    /// <c>AddProject&lt;Projects.X&gt;("x")</c>), by project name.
    /// </summary>
    private static List<string> AppHostServices() =>
        [.. DeclaredProject().Matches(File.ReadAllText(Path.Combine(Repository.Root, "AppHost", "AppHost.cs")))
            .Select(match => match.Groups["project"].Value).Distinct().Order()];

    [GeneratedRegex("""\b(?:Service|Api|AddProject)<Projects\.(?<project>\w+)>\(""")]
    private static partial Regex DeclaredProject();

    /// <summary>
    /// The rule, in one place: a service stores personal data when one of its migrations declares a text column named for a
    /// person's data — an address (email, *_email), a name (full_name, first_name, last_name, holder_name, *_full_name), a
    /// PESEL or a phone number. Column names are what every service's schema agrees on (jst_name, round_name and file_name
    /// are not people), and the schema, unlike the code, shows what is kept. Personal data kept only inside jsonb would
    /// escape it; every service today that keeps such a document also has columns of this kind.
    /// </summary>
    private static bool StoresPersonalData(string service) => PersonalColumns(service).Count > 0;

    private static List<string> PersonalColumns(string service)
    {
        var migrations = Path.Combine(ProjectFolder(service), "Data", "Migrations");
        if (!Directory.Exists(migrations))
        {
            return [];
        }
        return [.. Directory.EnumerateFiles(migrations, "*.sql")
            .SelectMany(file => PersonalColumn().Matches(File.ReadAllText(file)))
            .Select(match => match.Groups["column"].Value.ToLowerInvariant())
            .Distinct().Order()];
    }

    [GeneratedRegex("""^\s*(?:ALTER\s+TABLE\s+\S+\s+ADD\s+COLUMN\s+(?:IF\s+NOT\s+EXISTS\s+)?)?(?<column>\w*(?:email|full_name|first_name|last_name|holder_name|pesel|phone))\s+(?:text|varchar|character\s+varying|citext)\b""",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex PersonalColumn();

    /// <summary>Where the project lives (services/X, or another top-level folder such as gateway/): found by its .csproj.</summary>
    private static string ProjectFolder(string project) =>
        Directory.EnumerateDirectories(Repository.Root)
            .Where(folder => !Path.GetFileName(folder).StartsWith('.'))
            .SelectMany(folder => Directory.EnumerateDirectories(folder).Prepend(folder))
            .First(folder => File.Exists(Path.Combine(folder, $"{project}.csproj")));

    private static string OpenApiDocument(string service) =>
        Path.Combine(ProjectFolder(service), "openapi", $"{service.ToLowerInvariant()}.json");

    private static IEnumerable<string> SourceFiles(string service) =>
        Directory.EnumerateFiles(ProjectFolder(service), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                           && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
}
