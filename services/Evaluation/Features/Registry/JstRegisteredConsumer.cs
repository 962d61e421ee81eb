namespace Cro.Evaluation.Features.Registry;

/// <summary>Keeps the local JST registry consultations and survey results name.</summary>
public sealed class JstRegisteredConsumer(NpgsqlDataSource dataSource) : InboxConsumer<JstRegistered>(dataSource)
{
    protected override Task HandleAsync(JstRegistered message, DataSession session) =>
        session.ExecuteAsync("""
            INSERT INTO jst (terc, name, kind, voivodeship_terc, registered_at)
            VALUES (@Terc, @Name, @Kind, @VoivodeshipTerc, @RegisteredAt)
            ON CONFLICT (terc) DO UPDATE SET name = excluded.name, kind = excluded.kind, voivodeship_terc = excluded.voivodeship_terc
            """, message);
}
