using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Cro.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and RabbitMQ come from.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers, when a Docker engine answers.</summary>
    Containers,
    /// <summary>The machine's own PostgreSQL and RabbitMQ binaries, run by the AppHost, data under .data/.</summary>
    Local,
    /// <summary>Servers someone else runs: ConnectionStrings:postgres (a superuser) and ConnectionStrings:rabbitmq.</summary>
    External,
}

public static class InfrastructureModeChoice
{
    /// <summary>
    /// Infrastructure:Mode (or CRO_INFRA) when given; otherwise containers if a Docker engine
    /// answers, else the local binaries. The default needs no option.
    /// </summary>
    public static InfrastructureMode Choose(IConfiguration configuration)
    {
        var forced = configuration["Infrastructure:Mode"] is { Length: > 0 } mode ? mode : Environment.GetEnvironmentVariable("CRO_INFRA");
        if (!string.IsNullOrWhiteSpace(forced))
        {
            return Enum.TryParse<InfrastructureMode>(forced, ignoreCase: true, out var chosen)
                ? chosen
                : throw new ArgumentException($"Unknown infrastructure mode '{forced}'. Use containers, local or external.");
        }
        return DockerEngineAnswers() ? InfrastructureMode.Containers : InfrastructureMode.Local;
    }

    /// <summary>The docker client alone is not enough: only an engine that answers runs containers.</summary>
    private static bool DockerEngineAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (docker is null)
            {
                return false;
            }
            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill();
                return false;
            }
            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker client at all
        }
    }
}
