namespace Cro.Identity.Data;

/// <summary>A person with an account. Partner API clients are OpenIddict applications, not users.</summary>
public sealed class User : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";

    /// <summary>TERC code of the JST the person acts for (coordinators and members); one JST at a time.</summary>
    public string? JstTerc { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the person's data was erased; the row stays, pseudonymised, so history keeps its references.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
}

public sealed class Role : IdentityRole<Guid>;
