using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>
/// An Updating Run: CAU itself rolls through the nodes one at a time (drain, install, restart, wait for storage
/// repair, resume). Each phase is its own change of the model, so Get-CauRun and Stop-CauRun from another session
/// see the run in progress, and the time each phase takes passes between changes (<see cref="VirtualTimeScheduler"/>),
/// so other sessions' work goes on meanwhile.
/// </summary>
internal sealed class CauRunner
{
    private readonly SimulatedCluster _cluster;
    private readonly CauRunRequest _request;
    private readonly Action<string> _log;
    private readonly Action<DateTimeOffset> _waitUntil;

    /// <param name="waitUntil">Returns when virtual time has reached the instant (the calling cmdlet's wait).</param>
    public CauRunner(SimulatedCluster cluster, CauRunRequest request, Action<string> log, Action<DateTimeOffset> waitUntil)
    {
        _cluster = cluster;
        _request = request;
        _log = log;
        _waitUntil = waitUntil;
    }

    private void Pass(TimeSpan duration)
    {
        if (duration > TimeSpan.Zero)
        {
            _waitUntil(_cluster.Now + duration);
        }
    }

    public CauRunRecord Run()
    {
        var (run, order, maxFailed) = _cluster.Mutate(Start);
        var deadline = run.StartTime + _request.StopAfter;
        var failed = 0;
        CauSummaryStatus? stoppedWith = null;
        foreach (var node in order)
        {
            if (_cluster.Read(s => s.Cau.CancelPending))
            {
                stoppedWith = CauSummaryStatus.Canceled;
                _log("The Updating Run was canceled.");
                break;
            }

            // -StopAfter cancels a run that has not completed in time. The simulator acts on it between nodes, as on a
            // Stop-CauRun: a node already in maintenance finishes its cycle, no further node starts.
            if (deadline is { } end && _cluster.Read(s => s.Now) >= end)
            {
                stoppedWith = CauSummaryStatus.Canceled;
                _log($"The Updating Run was canceled: it had not completed within StopAfter ({_request.StopAfter}).");
                break;
            }

            var result = UpdateNode(run.RunId, node);
            if (result.Status == CauSummaryStatus.Failed)
            {
                failed++;
                if (result.StopsRun || failed > maxFailed)
                {
                    stoppedWith = CauSummaryStatus.Failed;
                    _log(result.StopsRun
                        ? $"Stopping the run: {result.ErrorMessage}"
                        : $"Stopping the run: {failed} node(s) failed, more than MaxFailedNodes ({maxFailed}).");
                    break;
                }
            }
        }

        return _cluster.Mutate(s => Finish(s, stoppedWith, failed));
    }

    private (CauRunRecord Run, List<string> Order, int MaxFailed) Start(SimulationState s)
    {
        switch (s.Cau.RunState)
        {
            case CauRunState.RunInProgress:
                throw new SimulationException("CauRunInProgress", ErrorCategory.ResourceBusy, $"An Updating Run is already in progress on cluster {s.ClusterName} (another orchestrator holds the lock).");
            case CauRunState.RunFailed:
                throw new SimulationException("CauPreviousRunFailed", ErrorCategory.InvalidOperation, $"A previous Updating Run on cluster {s.ClusterName} failed and left the cluster locked. Recover with Invoke-CauRun -ForceRecovery -Force, then run again.");
        }

        Precheck(s);
        if (_request.EnableFirewallRules)
        {
            s.Nodes.ForEach(n => n.FirewallRulesEnabled = true);
        }

        var order = Order(s);
        var run = new CauRunRecord { RunId = Guid.NewGuid(), Plugin = _request.Plugin, StartTime = s.Now };
        run.NodeResults.AddRange(order.Select(n => new CauNodeResultRecord { Node = n, Status = CauSummaryStatus.Canceled }));
        s.Cau.RunState = CauRunState.RunInProgress;
        s.Cau.CancelPending = false;
        s.Cau.CurrentRun = run;
        _log($"Updating Run {run.RunId} started on {s.ClusterName}: {string.Join(", ", order)}.");
        return (run, order, _request.MaxFailedNodes ?? Math.Max(0, s.Nodes.Count / 3));
    }

    private void Precheck(SimulationState s)
    {
        var noRemoting = s.Nodes.Where(n => !n.RemotingConfigured).Select(n => n.Name).ToList();
        if (noRemoting.Count > 0)
        {
            throw new SimulationException("CauRemotingNotEnabled", ErrorCategory.NotEnabled, $"PowerShell remoting is not enabled on {string.Join(", ", noRemoting)}. Run Set-WSManQuickConfig and Enable-PSRemoting on every node.");
        }

        if (!_request.EnableFirewallRules && s.Nodes.Exists(n => !n.FirewallRulesEnabled))
        {
            throw new SimulationException("CauFirewallRulesDisabled", ErrorCategory.NotEnabled, "The Windows Firewall 'Remote Shutdown' rule group is not enabled on every node, so CAU cannot restart them. Use -EnableFirewallRules.");
        }

        if (_request.RequireAllNodesOnline && s.Nodes.Exists(n => n.State != ClusterNodeState.Up))
        {
            throw new SimulationException("CauNodesOffline", ErrorCategory.ResourceUnavailable, $"-RequireAllNodesOnline: not every node is Up ({string.Join(", ", s.Nodes.Where(n => n.State != ClusterNodeState.Up).Select(n => $"{n.Name} {n.State}"))}).");
        }

        if (!_request.IsRollingUpgrade || _request.WuConnected)
        {
            return;
        }

        var media = _request.PathToSetupMedia ?? throw new SimulationException("CauMediaPathMissing", ErrorCategory.InvalidArgument, "WuConnected is 'false' but CauPluginArguments has no PathToSetupMedia.");
        var missing = s.Nodes.Where(n => FileOperations.MediaFolderRelease(n, media) is null).Select(n => n.Name).ToList();
        if (missing.Count > 0)
        {
            throw new SimulationException("CauMediaNotStaged", ErrorCategory.ObjectNotFound, $"Setup media is not staged at '{media}' on {string.Join(", ", missing)}. Extract the ISO to the same local path on every node.");
        }
    }

    private List<string> Order(SimulationState s)
    {
        if (_request.NodeOrder is { Count: > 0 } given)
        {
            return [.. given.Select(n => NodeOperations.RequireNode(s, n).Name)];
        }

        // CAU's default: the node hosting the fewest roles first.
        return [.. s.Nodes.OrderBy(n => s.Groups.Count(g => NodeOperations.Owns(g, n))).Select(n => n.Name)];
    }

    private NodeResult UpdateNode(Guid runId, string nodeName)
    {
        var offer = _cluster.Read(s => Offer(s, NodeOperations.RequireNode(s, nodeName)));
        if (offer is null)
        {
            _log($"{nodeName}: no applicable update.");
            return Record(runId, nodeName, r =>
            {
                r.Status = CauSummaryStatus.Succeeded;
                r.Attempts = 0;
            });
        }

        string? error = null;
        var attempts = 0;
        var stops = false;
        for (; attempts < 1 + Math.Max(0, _request.MaxRetriesPerNode); attempts++)
        {
            (error, stops) = Attempt(nodeName, offer);
            if (error is null || stops)
            {
                attempts++;
                break;
            }

            _log($"{nodeName}: attempt {attempts + 1} failed: {error}");
        }

        var finalError = error;
        var result = Record(runId, nodeName, r =>
        {
            r.Attempts = attempts;
            r.UpdateTitle = offer.Title;
            r.Status = finalError is null ? CauSummaryStatus.Succeeded : CauSummaryStatus.Failed;
            r.SucceededUpdates = finalError is null ? 1 : 0;
            r.FailedUpdates = finalError is null ? 0 : 1;
            r.ErrorMessage = finalError;
        });
        result.StopsRun = stops;
        return result;
    }

    /// <summary>One maintenance cycle; returns the failure (null on success) and whether it must stop the run.</summary>
    private (string? Error, bool StopsRun) Attempt(string nodeName, UpdateOffer offer)
    {
        var drained = _cluster.Mutate(s =>
        {
            var node = NodeOperations.RequireNode(s, nodeName);
            if (node.State == ClusterNodeState.Down)
            {
                return $"{nodeName} is Down.";
            }

            var outcome = NodeOperations.Drain(s, node, force: false);
            if (!outcome.Succeeded)
            {
                NodeOperations.Resume(s, node, "NoFailback");
                return outcome.FailureMessage;
            }

            return null;
        });
        if (drained is not null)
        {
            return (drained, false);
        }

        Pass(SimulationTimings.Drain);
        _log($"{nodeName}: entered maintenance; installing {offer.Title}.");
        Pass(SimulationTimings.SetupInstall);
        var (installed, failback) = _cluster.Mutate(s =>
        {
            var node = NodeOperations.RequireNode(s, nodeName);
            if (s.ActiveFaults(FaultKind.CauFailsOnNode).Any(f => f.AppliesTo(nodeName)))
            {
                var back = NodeOperations.Resume(s, node, _request.FailbackMode);
                return ($"Setup of {offer.Title} failed on {nodeName} (0xC1900101); the node was rolled back.", back);
            }

            if (offer.Cumulative is { } cumulative)
            {
                node.PendingCumulativeUpdate = cumulative.ToString();
            }
            else
            {
                node.PendingFeatureUpdate = offer.Release;
            }

            NodeOperations.BeginRestart(s, node, soft: s.KernelSoftReboot);
            return ((string?)null, TimeSpan.Zero);
        });
        if (installed is not null)
        {
            Pass(failback);
            return (installed, false);
        }

        _log($"{nodeName}: restarting.");
        return AfterRestart(nodeName, offer);
    }

    private (string? Error, bool StopsRun) AfterRestart(string nodeName, UpdateOffer offer)
    {
        var timeout = TimeSpan.FromMinutes(_request.RebootTimeoutMinutes);
        var (now, back) = _cluster.Read(s => (s.Now, NodeOperations.RequireNode(s, nodeName).BootCompletesAt));
        if (back is not { } returns || returns - now > timeout)
        {
            _waitUntil(now + timeout);
            return ($"{nodeName} did not come back within RebootTimeoutMinutes ({_request.RebootTimeoutMinutes}); it stays in maintenance.", true);
        }

        _waitUntil(returns);
        var (error, stops, failback) = _cluster.Mutate(s =>
        {
            var node = NodeOperations.RequireNode(s, nodeName);
            if (node.State == ClusterNodeState.Down)
            {
                return ($"The cluster service did not start on {nodeName} after the restart.", true, TimeSpan.Zero);
            }

            return node.Build < offer.ResultingBuild
                ? ($"{nodeName} restarted without applying {offer.Title}: kernel soft reboot cannot apply a feature update. Disable CauEnableSoftReboot.", false,
                    NodeOperations.Resume(s, node, _request.FailbackMode))
                : ((string?)null, false, TimeSpan.Zero);
        });
        if (error is not null)
        {
            Pass(failback);
            return (error, stops);
        }

        // CAU waits for the storage repair the node's return started, up to its limit, before it resumes the node.
        var repairDeadline = _cluster.Now + SimulationTimings.CauStorageRepairTimeout;
        while (_cluster.Read(s => s.Storage.Jobs.Count > 0 && s.Now < repairDeadline
                   ? s.Storage.Jobs.Where(j => !j.Stuck).Select(j => j.StartedAt + j.Duration).DefaultIfEmpty(repairDeadline).Min()
                   : (DateTimeOffset?)null) is { } next)
        {
            _waitUntil(next < repairDeadline ? next : repairDeadline);
        }

        var (repairError, resumeTakes) = _cluster.Mutate(s =>
        {
            if (s.Storage.Jobs.Count > 0)
            {
                return ($"Storage repair did not finish within {SimulationTimings.CauStorageRepairTimeout.TotalHours} hours after {nodeName} returned; it stays in maintenance.", TimeSpan.Zero);
            }

            var node = NodeOperations.RequireNode(s, nodeName);
            var takes = NodeOperations.Resume(s, node, _request.FailbackMode);
            return ((string?)null, takes);
        });
        if (repairError is not null)
        {
            return (repairError, true);
        }

        Pass(resumeTakes);
        _log($"{nodeName}: updated to {_cluster.Read(s => NodeOperations.RequireNode(s, nodeName).Build)}; left maintenance.");
        return (null, false);
    }

    private UpdateOffer? Offer(SimulationState s, NodeState node)
    {
        if (!_request.IsRollingUpgrade)
        {
            // WindowsUpdatePlugin installs quality updates: the latest cumulative update of the node's release.
            return UpdateOffer.CumulativeFromWindowsUpdate(s, node);
        }

        return _request.WuConnected
            ? UpdateOffer.FromWindowsUpdate(s, node)
            : UpdateOffer.FromMedia(s, node, _request.PathToSetupMedia!);
    }

    private NodeResult Record(Guid runId, string nodeName, Action<CauNodeResultRecord> fill) => _cluster.Mutate(s =>
    {
        var record = s.Cau.CurrentRun is { } run && run.RunId == runId
            ? run.NodeResults.First(r => r.Node == nodeName)
            : new CauNodeResultRecord { Node = nodeName };
        fill(record);
        return new NodeResult(record.Status, record.ErrorMessage);
    });

    private CauRunRecord Finish(SimulationState s, CauSummaryStatus? stoppedWith, int failed)
    {
        var run = s.Cau.CurrentRun ?? throw new InvalidOperationException("The Updating Run record disappeared.");
        var succeeded = run.NodeResults.Count(r => r.Status == CauSummaryStatus.Succeeded);
        run.Status = stoppedWith ?? (failed == 0 ? CauSummaryStatus.Succeeded : succeeded == 0 ? CauSummaryStatus.Failed : CauSummaryStatus.PartiallyFailed);
        if (_request.UpdateClusterFunctionalLevel && run.Status == CauSummaryStatus.Succeeded)
        {
            try
            {
                ClusterLifecycle.UpdateFunctionalLevel(s, apply: true);
                _log($"Cluster functional level is now {s.FunctionalLevel}.");
            }
            catch (SimulationException ex)
            {
                run.Message = ex.Message;
            }
        }

        var failedNodes = run.NodeResults.Where(r => r.Status == CauSummaryStatus.Failed).Select(r => $"{r.Node}: {r.ErrorMessage}").ToList();
        run.Message ??= failedNodes.Count > 0 ? string.Join(" ", failedNodes) : null;
        run.EndTime = s.Now;
        s.Cau.History.Add(run);
        s.Cau.CurrentRun = null;
        s.Cau.CancelPending = false;
        // A run that leaves a node in maintenance leaves CAU locked, as after an orchestrator crash.
        s.Cau.RunState = s.Nodes.Exists(n => n.State != ClusterNodeState.Up) && run.Status == CauSummaryStatus.Failed
            ? CauRunState.RunFailed
            : CauRunState.RunNotInProgress;
        return run;
    }

    private sealed record NodeResult(CauSummaryStatus Status, string? ErrorMessage)
    {
        public bool StopsRun { get; set; }
    }
}
