using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cro.Identity.Data;

/// <summary>
/// The stores of ASP.NET Core Identity and OpenIddict: the one place EF Core is used, because these
/// libraries own their schema. The schema itself is applied as SQL by DbUp like every other service's
/// (Data/Migrations/0001_identity_schema.sql, generated from this model with --print-schema).
/// </summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<User, Role, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>
    /// The key ring that protects sign-in cookies and e-mailed tokens (invitations, password resets),
    /// shared by every replica and kept across restarts.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict<Guid>();
        builder.Entity<User>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(200);
            user.Property(u => u.JstTerc).HasMaxLength(7);
            user.HasIndex(u => u.JstTerc);
        });
    }
}
