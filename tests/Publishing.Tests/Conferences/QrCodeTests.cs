using Cro.Publishing.Features.Conferences.Attendance;

namespace Cro.Publishing.Tests.Conferences;

/// <summary>Every ticket scans: the QR codes of many ticket addresses (random codes, as the service derives them) read back whole.</summary>
public sealed class QrCodeTests
{
    [Fact]
    public void A_tickets_QR_code_reads_back_as_its_address_whatever_the_code()
    {
        var unread = Enumerable.Range(0, 300)
            .Select(_ => $"https://cro.example.pl/konferencje/bilet/{Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_')}")
            .Where(address => Read(address) != address)
            .ToList();

        Assert.Empty(unread);
    }

    private static string? Read(string address)
    {
        try
        {
            return QrCodes.Read(Ticket.QrPng(address));
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
