import polylabel from 'polylabel';
import fs from 'fs';
const g=JSON.parse(fs.readFileSync('data/bangli_villages_boundaries.geojson'));
const R=6371008.8, rad=Math.PI/180;
function hav(a,b){const dl=(b[1]-a[1])*rad, dg=(b[0]-a[0])*rad; const h=Math.sin(dl/2)**2+Math.cos(a[1]*rad)*Math.cos(b[1]*rad)*Math.sin(dg/2)**2; return 2*R*Math.asin(Math.sqrt(h));}
for (const mode of ['deg','proj']) {
 let max=0, worst, ds=[];
 for (const f of g.features){
  const polys = f.geometry.type==='Polygon'?[f.geometry.coordinates]:f.geometry.coordinates;
  let best=null;
  for (const p of polys){
    const lat0 = p[0][0][1]; const k = mode==='proj'?Math.cos(lat0*rad):1;
    const pp = p.map(r=>r.map(([x,y])=>[x*k,y]));
    const q = polylabel(pp, 1e-6);
    if(!best||q.distance>best.distance) best={pt:[q[0]/k,q[1]],distance:q.distance};
  }
  const d=hav(best.pt,[f.properties.interior_lng,f.properties.interior_lat]); ds.push(d);
  if(d>max){max=d;worst=f.properties.code;}
 }
 ds.sort((a,b)=>a-b);
 console.log(mode,'max',max.toFixed(1),worst,'median',ds[36].toFixed(1),'p90',ds[64].toFixed(1), ds.slice(-5).map(x=>x.toFixed(1)));
}
