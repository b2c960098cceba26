# SPDX-License-Identifier: MIT
# Machines and their properties: unknown ones are usage errors naming the valid choices.
. "$(dirname "$0")/common.bash"
expect 2 "-M: unknown machine 'virt' (try -M help)" -M virt
expect 2 "-M: machine 'arm64-virt' has no property 'gic-version' (valid: virtualization, secure" \
    -M arm64-virt,gic-version=3
expect 2 "-M: property 'virtualization' needs a value" -M arm64-virt,virtualization
expect 2 "virtualization=maybe: expected on or off" -M arm64-virt,virtualization=maybe \
    -kernel "$(kernel)"
expect 0 "arm64-virt" -M help
expect 0 "virtualization" -M help
expect 0 "max" -cpu help
expect 2 "-cpu: unknown CPU model 'cortex-a99'" -cpu cortex-a99
finish
