namespace Cro.Advisory.Features.Advisors;

/// <summary>
/// POST /api/advisory/advisors — an operator registers an advisor (a person with an account in the advisor role,
/// named by address and, when known, account id), the regions they prefer and how many JST they can advise at once.
/// PUT /api/advisory/advisors/{id} changes those, or retires the advisor (active false: no new engagements).
/// An address already registered: 409.
/// </summary>
public static class RegisterAdvisor
{
    public sealed record AdvisorRequest(string Email, string FullName, Guid? UserId, IReadOnlyList<string>? Voivodeships, int MaxEngagements,
        bool Active = true);

    public sealed class Validator : AbstractValidator<AdvisorRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Email).MailAddress();
            RuleFor(r => r.FullName).RequiredText(200)
                .WithMessage(_ => Text.Pick("Podaj imię i nazwisko doradcy (do 200 znaków).", "Give the advisor's name (up to 200 characters)."));
            RuleForEach(r => r.Voivodeships).Must(v => v is { Length: 2 } && v.All(char.IsAsciiDigit) && int.Parse(v) is >= 2 and <= 32 && int.Parse(v) % 2 == 0)
                .WithMessage(_ => Text.Pick("Województwo to dwucyfrowy kod TERC (02, 04, …, 32).", "A voivodeship is a two-digit TERC code (02, 04, …, 32)."));
            RuleFor(r => r.MaxEngagements).InclusiveBetween(1, 100)
                .WithMessage(_ => Text.Pick("Liczba JST doradcy to od 1 do 100.", "An advisor advises 1 to 100 JST."));
        }
    }

    public static IEndpointRouteBuilder MapRegisterAdvisor(this IEndpointRouteBuilder api)
    {
        api.MapPost("/advisors", RegisterAsync)
            .WithName("RegisterAdvisor").WithSummary("Zarejestruj doradcę / Register an advisor")
            .Validate<AdvisorRequest>().Produces<AdvisorView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        api.MapPut("/advisors/{id:guid}", ChangeAsync)
            .WithName("ChangeAdvisor").WithSummary("Zmień dane doradcy albo wycofaj go z nowych przydziałów / Change an advisor, or retire them")
            .Validate<AdvisorRequest>().Produces<AdvisorView>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(Policies.Operator);
        return api;
    }

    private static async Task<IResult> RegisterAsync(AdvisorRequest request, DataSession session, TimeProvider time)
    {
        var id = Guid.CreateVersion7();
        var inserted = await session.ExecuteAsync("""
            INSERT INTO advisors (id, user_id, email, full_name, voivodeships, max_engagements, active, created_at)
            VALUES (@id, @UserId, @email, @name, @voivodeships, @MaxEngagements, @Active, @now)
            ON CONFLICT DO NOTHING
            """, Parameters(id, request, time.GetUtcNow()));
        if (inserted == 0)
        {
            return AlreadyRegistered(request.Email);
        }
        var advisor = await session.QuerySingleAsync<AdvisorRow>(AdvisorRow.Select + " WHERE a.id = @id", new { id });
        await session.CommitAsync();
        return TypedResults.Created($"/api/advisory/advisors/{id}", advisor.ToView());
    }

    private static async Task<IResult> ChangeAsync(Guid id, AdvisorRequest request, DataSession session, TimeProvider time)
    {
        if (await session.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM advisors WHERE id <> @id AND (lower(email) = lower(@email) OR user_id = @UserId))",
                new { id, email = request.Email.Trim(), request.UserId }))
        {
            return AlreadyRegistered(request.Email);
        }
        var changed = await session.ExecuteAsync("""
            UPDATE advisors SET user_id = @UserId, email = @email, full_name = @name, voivodeships = @voivodeships,
                max_engagements = @MaxEngagements, active = @Active
            WHERE id = @id
            """, Parameters(id, request, time.GetUtcNow()));
        if (changed == 0)
        {
            return ProblemDetailsDefaults.NotFound("Nie ma takiego doradcy.", "There is no such advisor.");
        }
        var advisor = await session.QuerySingleAsync<AdvisorRow>(AdvisorRow.Select + " WHERE a.id = @id", new { id });
        await session.CommitAsync();
        return TypedResults.Ok(advisor.ToView());
    }

    private static object Parameters(Guid id, AdvisorRequest request, DateTimeOffset now) => new
    {
        id, request.UserId, email = request.Email.Trim(), name = request.FullName.Trim(),
        voivodeships = (request.Voivodeships ?? []).Distinct().Order(StringComparer.Ordinal).ToArray(),
        request.MaxEngagements, request.Active, now = now.ToUniversalTime(),
    };

    private static IResult AlreadyRegistered(string email) => Problems.Conflict("Doradca już jest zarejestrowany.", "The advisor is already registered.",
        $"Adres {email.Trim()} albo to konto ma już inny doradca.", $"Another advisor already has the address {email.Trim()} or that account.");
}
