using Cro.BuildingBlocks.Messaging;
using Cro.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Cro.Identity.Data;

public static class IdentityOutbox
{
    /// <summary>Writes an event into the outbox inside the EF Core transaction that holds the change it announces.</summary>
    public static Task EnqueueAsync(this IDbContextTransaction transaction, IIntegrationEvent message, CancellationToken ct) =>
        transaction.Npgsql().EnqueueAsync(message, ct);

    /// <summary>The Npgsql transaction under EF Core's, for Dapper writes that commit with the EF changes.</summary>
    public static NpgsqlTransaction Npgsql(this IDbContextTransaction transaction) => (NpgsqlTransaction)transaction.GetDbTransaction();
}
