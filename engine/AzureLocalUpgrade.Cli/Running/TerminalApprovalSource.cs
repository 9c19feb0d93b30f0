using AzureLocalUpgrade.Engine.Execution.Approvals;
using Spectre.Console;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Asks a person at a terminal to approve a manual gate. Used only when both stdin and stdout are terminals and the
/// log format is text; otherwise the run pauses at the gate (exit 3), so a scheduler is never blocked on a prompt.
/// The answer is read a line at a time from <paramref name="input"/>: end of input (Ctrl-D, a closed terminal) means
/// nobody will answer, so the gate stays pending and the run pauses (exit 3) instead of asking for ever.
/// </summary>
public sealed class TerminalApprovalSource(IAnsiConsole console, TextReader input) : IApprovalSource
{
    // Prompts are serialised: two gates reached at once must not interleave on one terminal.
    private readonly SemaphoreSlim _prompt = new(1, 1);

    public TerminalApprovalSource(IAnsiConsole console)
        : this(console, Console.In)
    {
    }

    public async Task<ApprovalDecision> RequestAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _prompt.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            console.Write(new Rule($"[yellow]Manual gate[/] {Markup.Escape(request.GateId)} on {Markup.Escape(request.Target)}"));
            if (!string.IsNullOrWhiteSpace(request.Instructions))
            {
                console.WriteLine(request.Instructions);
            }

            while (true)
            {
                console.Markup("Type [green]approve[/] when done, [red]reject[/] to stop, or [grey]pause[/] to leave it for later: ");
                var line = await input.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                switch (line?.Trim().ToLowerInvariant())
                {
                    case null:
                        console.WriteLine();
                        console.MarkupLine("[grey]No more input: the gate stays pending and the run pauses (resume it later).[/]");
                        return ApprovalDecision.NotAvailable;
                    case "approve":
                        return ApprovalDecision.Approve(Environment.UserName, "interactive");
                    case "reject":
                        return ApprovalDecision.Reject(Environment.UserName, "interactive", null);
                    case "pause":
                        return ApprovalDecision.NotAvailable;
                    default:
                        console.MarkupLine("[red]Please answer approve, reject or pause.[/]");
                        break;
                }
            }
        }
        finally
        {
            _prompt.Release();
        }
    }
}
