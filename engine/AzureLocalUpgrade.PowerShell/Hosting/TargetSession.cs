using System.Management.Automation.Runspaces;
using AzureLocalUpgrade.Engine.Execution;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// The host's one runspace for one target, and the gate that lets a single pipeline run in it at a time
/// (a runspace runs one pipeline at a time; steps for the same target queue here rather than fail).
/// </summary>
internal sealed class TargetSession(StepTarget target, ExecutionClock clock) : IDisposable
{
    public StepTarget Target { get; } = target;

    public SessionTurn Gate { get; } = new(clock);

    /// <summary>The open runspace; null before the first step and after the session broke. Touched only under <see cref="Gate"/>.</summary>
    public Runspace? Runspace { get; set; }

    public void DropRunspace()
    {
        var runspace = Runspace;
        Runspace = null;
        runspace?.Dispose();
    }

    /// <summary>
    /// Gives up a runspace whose pipeline would not stop: the next step gets a fresh session, and the old one is
    /// closed in the background (closing waits for the pipeline, which may never end).
    /// </summary>
    public void AbandonRunspace(System.Management.Automation.PowerShell shell)
    {
        var runspace = Runspace;
        Runspace = null;
        _ = Task.Run(() =>
        {
            shell.Dispose();
            runspace?.Dispose();
        });
    }

    public void Dispose()
    {
        DropRunspace();
    }
}
