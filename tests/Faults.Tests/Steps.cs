using System.Diagnostics;

namespace Cro.Faults.Tests;

/// <summary>Notes each step of a fault test with the time since the test began, in its output (where its time went).</summary>
public static class Steps
{
    private static readonly AsyncLocal<Stopwatch> Clock = new();

    public static void Note(string step)
    {
        Clock.Value ??= Stopwatch.StartNew();
        TestContext.Current.TestOutputHelper?.WriteLine($"{Clock.Value.Elapsed.TotalSeconds,7:F1} s  {step}");
    }
}
