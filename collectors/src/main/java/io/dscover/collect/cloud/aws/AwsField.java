package io.dscover.collect.cloud.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of an AWS VPC flow log record, in the order of AWS's field table (which is also the
 * order of a headerless record that carries every field up to a version), with the version that
 * introduced each.
 */
enum AwsField {
    VERSION("version", 2),
    ACCOUNT_ID("account-id", 2),
    INTERFACE_ID("interface-id", 2),
    SRCADDR("srcaddr", 2),
    DSTADDR("dstaddr", 2),
    SRCPORT("srcport", 2),
    DSTPORT("dstport", 2),
    PROTOCOL("protocol", 2),
    PACKETS("packets", 2),
    BYTES("bytes", 2),
    START("start", 2),
    END("end", 2),
    ACTION("action", 2),
    LOG_STATUS("log-status", 2),
    VPC_ID("vpc-id", 3),
    SUBNET_ID("subnet-id", 3),
    INSTANCE_ID("instance-id", 3),
    TCP_FLAGS("tcp-flags", 3),
    TYPE("type", 3),
    PKT_SRCADDR("pkt-srcaddr", 3),
    PKT_DSTADDR("pkt-dstaddr", 3),
    REGION("region", 4),
    AZ_ID("az-id", 4),
    SUBLOCATION_TYPE("sublocation-type", 4),
    SUBLOCATION_ID("sublocation-id", 4),
    PKT_SRC_AWS_SERVICE("pkt-src-aws-service", 5),
    PKT_DST_AWS_SERVICE("pkt-dst-aws-service", 5),
    FLOW_DIRECTION("flow-direction", 5),
    TRAFFIC_PATH("traffic-path", 5),
    ECS_CLUSTER_ARN("ecs-cluster-arn", 7),
    ECS_CLUSTER_NAME("ecs-cluster-name", 7),
    ECS_CONTAINER_INSTANCE_ARN("ecs-container-instance-arn", 7),
    ECS_CONTAINER_INSTANCE_ID("ecs-container-instance-id", 7),
    ECS_CONTAINER_ID("ecs-container-id", 7),
    ECS_SECOND_CONTAINER_ID("ecs-second-container-id", 7),
    ECS_SERVICE_NAME("ecs-service-name", 7),
    ECS_TASK_DEFINITION_ARN("ecs-task-definition-arn", 7),
    ECS_TASK_ARN("ecs-task-arn", 7),
    ECS_TASK_ID("ecs-task-id", 7),
    REJECT_REASON("reject-reason", 8);

    private static final Map<String, AwsField> BY_NAME = new HashMap<>();

    static {
        for (AwsField f : values()) {
            BY_NAME.put(f.awsName, f);
            // Parquet/Athena column names use underscores
            BY_NAME.put(f.awsName.replace('-', '_'), f);
        }
    }

    private final String awsName;
    private final int version;

    AwsField(String awsName, int version) {
        this.awsName = awsName;
        this.version = version;
    }

    /** The name AWS uses in format strings and header lines, e.g. {@code pkt-srcaddr}. */
    String awsName() {
        return awsName;
    }

    int version() {
        return version;
    }

    /** The name of the extra field an event keeps this value under when the schema has none: {@code aws.vpcflow.pkt_src_aws_service}. */
    String extraName() {
        return "aws.vpcflow." + awsName.replace('-', '_');
    }

    /** The field of a header or format token ({@code srcaddr}, {@code ${srcaddr}}, {@code pkt_srcaddr}), or null. */
    static AwsField byName(String token) {
        String t = token;
        if (t.startsWith("${") && t.endsWith("}")) {
            t = t.substring(2, t.length() - 1);
        }
        return BY_NAME.get(t);
    }

    /** Every field up to and including {@code version}, in table order: the shape of a headerless all-fields record. */
    static List<AwsField> upToVersion(int version) {
        return java.util.Arrays.stream(values()).filter(f -> f.version <= version).toList();
    }
}
