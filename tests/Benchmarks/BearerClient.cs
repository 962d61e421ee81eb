using System.Net.Http.Headers;

namespace Cro.Benchmarks;

/// <summary>Clients for the set-up and read requests around a burst, each carrying one person's token.</summary>
internal static class BearerClient
{
    public static HttpClient For(Uri address, string token) =>
        new() { BaseAddress = address, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
}
