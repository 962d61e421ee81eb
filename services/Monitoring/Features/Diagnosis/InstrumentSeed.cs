using System.Text.Json;

namespace Cro.Monitoring.Features.Diagnosis;

/// <summary>
/// Version 1 of the diagnosis instrument, written on the first start from the seed file <c>instrument-v1.json</c> (in
/// Polish: equipment and its age, network and bandwidth, Wi-Fi, server rooms and fibre, software and cloud services,
/// data protection and backups, IT staff and how IT is managed, digital competences of directors, teachers and pupils,
/// technology in teaching, digital exclusion, pupil and teacher counts). Written only while no version exists, so a
/// second start, or a replica starting alongside, changes nothing; ORE publishes later versions through the API.
/// </summary>
public static class InstrumentSeed
{
    public const string Resource = "Cro.Monitoring.Features.Diagnosis.instrument-v1.json";

    /// <summary>The seed file's instrument; it must pass the validation every published version passes.</summary>
    public static InstrumentDefinition Definition()
    {
        using var file = typeof(InstrumentSeed).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource {Resource} is missing.");
        var definition = JsonSerializer.Deserialize<InstrumentDefinition>(file, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{Resource} holds no instrument.");
        new InstrumentDefinitionValidator().ValidateAndThrow(definition);
        return definition;
    }

    public static async Task SeedInstrumentAsync(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<NpgsqlDataSource>();
        var ct = app.Lifetime.ApplicationStopping;
        // The service itself seeds, for no caller; the instrument is no JST's.
        await using var session = await DataSession.OpenAsync(db, JstScope.None, ct);
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('cro-monitoring-instrument-seed'))");
        if (await InstrumentStore.CurrentVersionAsync(session) is null)
        {
            var definition = Definition();
            await InstrumentStore.TryInsertAsync(session, 1, definition, "Wersja początkowa narzędzia diagnozy.", createdBy: null,
                app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            app.Logger.LogInformation("Diagnosis instrument: version 1 seeded with {Sections} sections.", definition.Sections.Count);
        }
        await session.CommitAsync();
    }
}
