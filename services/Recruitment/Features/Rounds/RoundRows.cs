namespace Cro.Recruitment.Features.Rounds;

internal static class RoundRows
{
    public static Task<bool> ExistsAsync(DataSession session, Guid id) =>
        session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM rounds WHERE id = @id)", new { id });

    public static IResult NotFound() => Cro.ServiceDefaults.ProblemDetailsDefaults.NotFound(
        "Nie ma naboru o tym identyfikatorze.", "There is no round with this id.");
}
