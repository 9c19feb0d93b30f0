using AzureLocalUpgrade.Engine.Execution.Approvals;
using Spectre.Console;

namespace AzureLocalUpgrade.Cli.Running;

/// <summary>
/// Asks a person at a terminal to approve a manual gate. Used only when both stdin and stdout are terminals and the
/// log format is text; otherwise the run pauses at the gate (exit 3), so a scheduler is never blocked on a prompt.
/// </summary>
public sealed class TerminalApprovalSource(IAnsiConsole console) : IApprovalSource
{
    // Prompts are serialised: two gates reached at once must not interleave on one terminal.
    private readonly SemaphoreSlim _prompt = new(1, 1);

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

            var answer = await new TextPrompt<string>("Type [green]approve[/] when done, [red]reject[/] to stop, or [grey]pause[/] to leave it for later:")
                .AddChoices(["approve", "reject", "pause"])
                .ShowAsync(console, cancellationToken).ConfigureAwait(false);
            return answer switch
            {
                "approve" => ApprovalDecision.Approve(Environment.UserName, "interactive"),
                "reject" => ApprovalDecision.Reject(Environment.UserName, "interactive", null),
                _ => ApprovalDecision.NotAvailable,
            };
        }
        finally
        {
            _prompt.Release();
        }
    }
}
