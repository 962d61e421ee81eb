using Cro.Recruitment.Features.Registry;

namespace Cro.Benchmarks;

/// <summary>The JST of the TERC register written into a service's registry table (as recruitment's announcements fill it), as the owner.</summary>
internal static class RegistrySeed
{
    /// <summary>The units <paramref name="include"/> keeps, already there or not; returns them.</summary>
    public static async Task<IReadOnlyList<TercUnit>> FillAsync(NpgsqlConnection owner, Func<TercUnit, bool> include)
    {
        var units = TercRegister.ReadEmbedded().Where(include).ToList();
        await owner.ExecuteAsync("""
            INSERT INTO jst (terc, name, kind, voivodeship_terc, registered_at) SELECT *, now() FROM unnest(@tercs, @names, @kinds, @voivodeships)
            ON CONFLICT (terc) DO NOTHING
            """, new
        {
            tercs = units.Select(u => u.Terc).ToArray(), names = units.Select(u => u.Name).ToArray(), kinds = units.Select(u => u.Kind).ToArray(),
            voivodeships = units.Select(u => u.VoivodeshipTerc).ToArray(),
        });
        return units;
    }
}
