/* SPDX-License-Identifier: MIT */
/* Machine-property helpers. */
#include "core/config.h"

#include <string.h>
#include <strings.h>

#include "core/log.h"

const char *cfg_machine_prop(struct emu_config *cfg, const char *key)
{
    for (int i = 0; i < cfg->nmprops; i++)
        if (!strcmp(cfg->mprops[i].key, key))
            return cfg->mprops[i].value;
    return NULL;
}

bool cfg_machine_prop_bool(struct emu_config *cfg, const char *key, bool dflt)
{
    const char *v = cfg_machine_prop(cfg, key);
    if (!v)
        return dflt;
    if (!strcasecmp(v, "on") || !strcasecmp(v, "yes") || !strcasecmp(v, "true"))
        return true;
    if (!strcasecmp(v, "off") || !strcasecmp(v, "no") || !strcasecmp(v, "false"))
        return false;
    usage_error("machine property %s=%s: expected on or off", key, v);
}
