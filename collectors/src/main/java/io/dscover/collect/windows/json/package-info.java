/**
 * Windows events exported as JSON: Winlogbeat / Elastic Agent ECS documents, NXLog im_msvistalog
 * JSON (OTRF datasets), evtx_dump (omerbenamram/evtx) JSON, and Microsoft Sentinel / Log Analytics
 * rows ({@code SecurityEvent}, {@code WindowsEvent}, {@code Event}); one object per line, pretty
 * printed, in arrays or in wrapper objects, each object recognised by its keys.
 */
package io.dscover.collect.windows.json;
