using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Simulation.Model;
using AzureLocalUpgrade.Simulation.Scenarios;

namespace AzureLocalUpgrade.Simulation.Behaviour;

/// <summary>Builds the start state of a simulated cluster from its inventory (and the scenario's start-state faults).</summary>
internal static class StateFactory
{
    /// <summary>Virtual time starts at a fixed instant so runs are reproducible.</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Every node was last started this long before virtual time begins (any earlier instant would do).</summary>
    private static readonly TimeSpan LastBootBeforeEpoch = TimeSpan.FromDays(7);

    public static SimulationState Create(ClusterInventory inventory, FaultScenario? scenario)
    {
        var facts = inventory.Facts;
        var lowestMajor = inventory.Nodes.Count == 0 ? OsBuild.Build22H2 : inventory.Nodes.Min(n => n.OsBuild.Major);
        var state = new SimulationState
        {
            ClusterName = inventory.Name,
            Now = Epoch,
            FunctionalLevel = facts.FunctionalLevel,
            UpgradeVersion = facts.FunctionalLevel >= SimulatedReleases.FunctionalLevelFor(lowestMajor)
                ? SimulatedReleases.UpgradeVersionFor(lowestMajor)
                : SimulatedReleases.UpgradeVersionFor(OsBuild.Build22H2),
            KernelSoftReboot = facts.KernelSoftReboot,
            Stretch = facts.Stretch,
            WindowsUpdateAccess = facts.WindowsUpdateAccess,
            OrchestratorOs = facts.OrchestratorOs,
            Cau = new CauState { RoleInstalled = facts.CauRoleInstalled },
            Azure = new AzureState { Registered = facts.Registered, Identity = facts.Identity, SolutionDeployed = facts.SolutionDeployed },
            AksArc = AksArcState.Of(facts.AksArc.Installed, facts.AksArc.Preview),
        };

        for (var i = 0; i < inventory.Nodes.Count; i++)
        {
            state.Nodes.Add(CreateNode(inventory.Nodes[i], facts));
        }

        state.Storage = CreateStorage(inventory, lowestMajor);
        if (scenario is not null)
        {
            state.Scenario = ScenarioActivation.Resolve(scenario, inventory);
            ApplyStartStateFaults(state, scenario);
        }

        AssignStretchSites(state);
        state.Groups.AddRange(CreateGroups(inventory, state, lowestMajor));
        state.RecordDownAtOnce();
        return state;
    }

    private static NodeState CreateNode(NodeInventory node, ClusterFacts facts)
    {
        var build = node.OsBuild;
        var inventoryState = node.State.ToUpperInvariant();
        var result = new NodeState
        {
            Name = node.Name,
            Site = node.Site,
            LastBootUpTime = Epoch - LastBootBeforeEpoch,
            BuildMajor = build.Major,
            BuildRevision = build.Revision,
            SecureBoot = node.SecureBoot,
            CredSspServer = facts.CredSspEnabled,
            Paused = inventoryState == "PAUSED",
            DrainStatus = inventoryState == "PAUSED" ? NodeDrainStatus.Completed : NodeDrainStatus.NotInitiated,
            Services =
            [
                // An inventory "Down" node is a machine whose cluster service is stopped: reachable, not in the cluster.
                new ServiceState { Name = "clussvc", DisplayName = "Cluster Service", StartType = ServiceStartType.Automatic, Status = inventoryState == "DOWN" ? ServiceStatus.Stopped : ServiceStatus.Running },
                new ServiceState { Name = "WinRM", DisplayName = "Windows Remote Management (WS-Management)", StartType = ServiceStartType.Automatic, Status = ServiceStatus.Running },
                new ServiceState { Name = "vmms", DisplayName = "Hyper-V Virtual Machine Management", StartType = ServiceStartType.Automatic, Status = ServiceStatus.Running },
                new ServiceState { Name = "wuauserv", DisplayName = "Windows Update", StartType = ServiceStartType.Manual, Status = ServiceStatus.Stopped },
            ],
            Registry =
            [
                new RegistryKeyState { Path = RegistryPaths.CurrentVersion },
                new RegistryKeyState
                {
                    Path = RegistryPaths.FileSystem,
                    Values = [new RegistryValueState { Name = "NtfsDisable8dot3NameCreation", Kind = "DWord", Number = 1 }],
                },
                new RegistryKeyState { Path = RegistryPaths.Vid },
            ],
            Files = [new FileEntryState { Path = @"C:\", IsDirectory = true }],
        };
        if (inventoryState == "DOWN")
        {
            result.LeftClusterAt = Epoch;
        }

        for (var i = 0; i < node.NicDrivers.Count; i++)
        {
            var nic = node.NicDrivers[i];
            result.NicDrivers.Add(new NicDriverState { AdapterName = $"Ethernet {i + 1}", Vendor = nic.Vendor, Adapter = nic.Adapter, Version = nic.Version });
        }

        OsIdentity.WriteToRegistry(result);
        return result;
    }

    private static StorageState CreateStorage(ClusterInventory inventory, int lowestMajor)
    {
        var volumes = inventory.Facts.Storage.Volumes.Count > 0
            ? inventory.Facts.Storage.Volumes
            : inventory.Nodes.Select((_, i) => new VolumeFacts($"Volume{i + 1:00}", "CSVFS_ReFS", 1024)).ToList();
        return new StorageState
        {
            PoolName = inventory.Facts.Storage.PoolName,
            PoolVersion = SimulatedReleases.PoolVersionFor(lowestMajor),
            VirtualDisks = [.. volumes.Select(v => new VirtualDiskState { FriendlyName = v.Name, FileSystem = v.FileSystem, SizeGb = v.SizeGb })],
        };
    }

    private static IEnumerable<ClusterGroupState> CreateGroups(ClusterInventory inventory, SimulationState state, int lowestMajor)
    {
        var first = state.Nodes.Find(n => n.InCluster)?.Name ?? state.Nodes.FirstOrDefault()?.Name;
        var core = CoreGroup("Cluster Group", "Cluster", first, ("Cluster Name", "Network Name"), ("Cluster IP Address", "IP Address"));
        if (!state.ActiveFaults(FaultKind.NoWitness).Any())
        {
            // A cloud witness, as Azure Local recommends for clusters of two to four nodes (azure-local/manage/witness.md);
            // its resource lives in the core Cluster Group, where Set-ClusterQuorum -CloudWitness creates it.
            core.Resources.Add(new ClusterResourceState { Name = QuorumWitness.CloudWitnessName, ResourceType = QuorumWitness.CloudWitnessType });
        }

        yield return core;
        yield return CoreGroup("Available Storage", "AvailableStorage", first);
        var cloud = inventory.Facts.CloudManagementGroup.ToUpperInvariant();
        if (cloud != "ABSENT")
        {
            var group = CoreGroup("Cloud Management", "GenericService", first, ("Cloud Management", "Generic Service"));
            group.State = cloud == "FAILED" ? ClusterGroupStatus.Failed : ClusterGroupStatus.Online;
            yield return group;
        }

        if (state.AksArc.Installed)
        {
            var agent = CoreGroup("ca-cloudagent", "GenericService", first, ("ca-cloudagent", "Generic Service"));
            agent.AksArc = true;
            yield return agent;
        }

        foreach (var node in inventory.Nodes)
        {
            foreach (var vm in node.VirtualMachines)
            {
                yield return VmGroup(vm, node.Name, SimulatedReleases.MaxVmVersionFor(lowestMajor));
            }
        }

        if (state.AksArc.Installed && state.AksArc.Preview)
        {
            var moc = VmGroup("moc-preview-control-plane", first, SimulatedReleases.MaxVmVersionFor(lowestMajor));
            moc.MocPreview = true;
            yield return moc;
        }
    }

    private static ClusterGroupState CoreGroup(string name, string type, string? owner, params (string Name, string Type)[] resources) => new()
    {
        Name = name,
        GroupType = type,
        OwnerNode = owner,
        PreferredOwner = owner,
        State = owner is null ? ClusterGroupStatus.Offline : ClusterGroupStatus.Online,
        Resources = [.. resources.Select(r => new ClusterResourceState { Name = r.Name, ResourceType = r.Type })],
    };

    private static ClusterGroupState VmGroup(string vm, string? node, string version) => new()
    {
        Name = vm,
        GroupType = "VirtualMachine",
        OwnerNode = node,
        PreferredOwner = node,
        State = ClusterGroupStatus.Online,
        VmVersion = version,
        Resources =
        [
            new ClusterResourceState { Name = $"Virtual Machine {vm}", ResourceType = "Virtual Machine" },
            new ClusterResourceState { Name = $"Virtual Machine Configuration {vm}", ResourceType = "Virtual Machine Configuration" },
        ],
    };

    private static void ApplyStartStateFaults(SimulationState state, FaultScenario scenario)
    {
        foreach (var fault in scenario.Faults)
        {
            switch (fault.Kind)
            {
                case FaultKind.SolutionDeployed:
                    state.Azure.SolutionDeployed = true;
                    break;
                case FaultKind.AksArcPresent:
                    state.AksArc = AksArcState.Of(installed: true, fault.Preview);
                    break;
                case FaultKind.StretchCluster:
                    state.Stretch = true;
                    break;
            }
        }
    }

    /// <summary>A stretch cluster without sites in its inventory gets the first half of its nodes in Site1, the rest in Site2.</summary>
    private static void AssignStretchSites(SimulationState state)
    {
        if (!state.Stretch)
        {
            return;
        }

        var half = (state.Nodes.Count + 1) / 2;
        for (var i = 0; i < state.Nodes.Count; i++)
        {
            state.Nodes[i].Site ??= i < half ? "Site1" : "Site2";
        }
    }
}
