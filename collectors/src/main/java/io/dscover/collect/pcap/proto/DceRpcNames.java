package io.dscover.collect.pcap.proto;

import java.util.Map;

/** Names of the DCE/RPC interfaces and operations attackers use most (MS-SCMR, MS-TSCH, MS-DRSR, ...). */
final class DceRpcNames {

    private static final Map<String, String> INTERFACES = Map.ofEntries(
            Map.entry("367abb81-9844-35f1-ad32-98f038001003", "svcctl"),
            Map.entry("1ff70682-0a51-30e8-076d-740be8cee98b", "atsvc"),
            Map.entry("86d35949-83c9-4044-b424-db363231fd0c", "ITaskSchedulerService"),
            Map.entry("378e52b0-c0a9-11cf-822d-00aa0051e40f", "sasec"),
            Map.entry("12345778-1234-abcd-ef00-0123456789ab", "lsarpc"),
            Map.entry("12345778-1234-abcd-ef00-0123456789ac", "samr"),
            Map.entry("e3514235-4b06-11d1-ab04-00c04fc2dcd2", "drsuapi"),
            Map.entry("12345678-1234-abcd-ef00-01234567cffb", "netlogon"),
            Map.entry("338cd001-2244-31f1-aaaa-900038001003", "winreg"),
            Map.entry("4b324fc8-1670-01d3-1278-5a47bf6ee188", "srvsvc"),
            Map.entry("6bffd098-a112-3610-9833-46c3f87e345a", "wkssvc"),
            Map.entry("e1af8308-5d1f-11c9-91a4-08002b14a0fa", "epmapper"),
            Map.entry("99fcfec4-5260-101b-bbcb-00aa0021347a", "IObjectExporter"),
            Map.entry("000001a0-0000-0000-c000-000000000046", "IRemoteSCMActivator"),
            Map.entry("4d9f4ab8-7d1c-11cf-861e-0020af6e7c57", "IActivation"),
            Map.entry("3919286a-b10c-11d0-9ba8-00c04fd92ef5", "dssetup"),
            Map.entry("12345678-1234-abcd-ef00-0123456789ab", "spoolss"),
            Map.entry("76f03f96-cdfd-44fc-a22c-64950a001209", "IRemoteWinspool"),
            Map.entry("f6beaff7-1e19-4fbb-9f8f-b89e2018337c", "IEventService"),
            Map.entry("82273fdc-e32a-18c3-3f78-827929dc23ea", "eventlog"),
            Map.entry("9556dc99-828c-11cf-a37e-00aa003240c7", "IWbemServices"),
            Map.entry("d95afe70-a6d5-4259-822e-2c84da1ddb0d", "IWbemLevel1Login"),
            Map.entry("c681d488-d850-11d0-8c52-00c04fd90f7e", "efsrpc"),
            Map.entry("df1941c5-fe89-4e79-bf10-463657acf44d", "efsrpc"));

    private DceRpcNames() {
    }

    static String uuid(byte[] b, int p) {
        StringBuilder sb = new StringBuilder(36);
        sb.append(Bytes.hex4((int) (Bytes.u32le(b, p) >>> 16))).append(Bytes.hex4((int) (Bytes.u32le(b, p) & 0xffff)))
                .append('-').append(Bytes.hex4(Bytes.u16le(b, p + 4))).append('-').append(Bytes.hex4(Bytes.u16le(b, p + 6)))
                .append('-').append(Bytes.hex4(Bytes.u16(b, p + 8))).append('-');
        for (int i = 10; i < 16; i++) {
            sb.append(Character.forDigit((b[p + i] >> 4) & 0xf, 16)).append(Character.forDigit(b[p + i] & 0xf, 16));
        }
        return sb.toString();
    }

    static String iface(String uuid) {
        return INTERFACES.getOrDefault(uuid, uuid);
    }

    static String operation(String iface, int opnum) {
        String name = switch (iface) {
            case "svcctl" -> switch (opnum) {
                case 0 -> "CloseServiceHandle";
                case 1 -> "ControlService";
                case 2 -> "DeleteService";
                case 6 -> "QueryServiceStatus";
                case 11 -> "ChangeServiceConfigW";
                case 12 -> "CreateServiceW";
                case 14 -> "EnumServicesStatusW";
                case 15 -> "OpenSCManagerW";
                case 16 -> "OpenServiceW";
                case 17 -> "QueryServiceConfigW";
                case 19 -> "StartServiceW";
                case 24 -> "CreateServiceA";
                case 27 -> "OpenSCManagerA";
                case 28 -> "OpenServiceA";
                case 31 -> "StartServiceA";
                default -> null;
            };
            case "atsvc" -> switch (opnum) {
                case 0 -> "NetrJobAdd";
                case 1 -> "NetrJobDel";
                case 2 -> "NetrJobEnum";
                case 3 -> "NetrJobGetInfo";
                default -> null;
            };
            case "ITaskSchedulerService" -> switch (opnum) {
                case 0 -> "SchRpcHighestVersion";
                case 1 -> "SchRpcRegisterTask";
                case 2 -> "SchRpcRetrieveTask";
                case 12 -> "SchRpcRun";
                case 13 -> "SchRpcDelete";
                default -> null;
            };
            case "drsuapi" -> switch (opnum) {
                case 0 -> "DRSBind";
                case 1 -> "DRSUnbind";
                case 3 -> "DRSGetNCChanges";
                case 12 -> "DRSCrackNames";
                default -> null;
            };
            case "epmapper" -> switch (opnum) {
                case 2 -> "ept_lookup";
                case 3 -> "ept_map";
                default -> null;
            };
            case "winreg" -> switch (opnum) {
                case 2 -> "OpenLocalMachine";
                case 6 -> "BaseRegCreateKey";
                case 15 -> "BaseRegOpenKey";
                case 22 -> "BaseRegSetValue";
                default -> null;
            };
            default -> null;
        };
        return name != null ? name : "opnum " + opnum;
    }
}
